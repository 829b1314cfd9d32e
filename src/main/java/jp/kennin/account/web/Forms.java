package jp.kennin.account.web;

/**
 * Form objects of the account pages (mutable beans, as Spring's data binding and
 * Thymeleaf's th:field expect). Passwords are never written back to a page.
 */
final class Forms {

	private Forms() {
	}

	static class SignupForm {

		private String tenantCode = "";

		private String kigo = "";

		private String bango = "";

		private String birthYear = "";

		private String birthMonth = "";

		private String birthDay = "";

		private String kanaName = "";

		public String getTenantCode() {
			return tenantCode;
		}

		public void setTenantCode(String v) {
			tenantCode = v;
		}

		public String getKigo() {
			return kigo;
		}

		public void setKigo(String v) {
			kigo = v;
		}

		public String getBango() {
			return bango;
		}

		public void setBango(String v) {
			bango = v;
		}

		public String getBirthYear() {
			return birthYear;
		}

		public void setBirthYear(String v) {
			birthYear = v;
		}

		public String getBirthMonth() {
			return birthMonth;
		}

		public void setBirthMonth(String v) {
			birthMonth = v;
		}

		public String getBirthDay() {
			return birthDay;
		}

		public void setBirthDay(String v) {
			birthDay = v;
		}

		public String getKanaName() {
			return kanaName;
		}

		public void setKanaName(String v) {
			kanaName = v;
		}

	}

	static class AccountForm {

		private String userId = "";

		private String password = "";

		private String email = "";

		private String emailConfirm = "";

		public String getUserId() {
			return userId;
		}

		public void setUserId(String v) {
			userId = v;
		}

		public String getPassword() {
			return password;
		}

		public void setPassword(String v) {
			password = v;
		}

		public String getEmail() {
			return email;
		}

		public void setEmail(String v) {
			email = v;
		}

		public String getEmailConfirm() {
			return emailConfirm;
		}

		public void setEmailConfirm(String v) {
			emailConfirm = v;
		}

	}

	static class EmailCorrectionForm {

		private String email = "";

		private String emailConfirm = "";

		public String getEmail() {
			return email;
		}

		public void setEmail(String v) {
			email = v;
		}

		public String getEmailConfirm() {
			return emailConfirm;
		}

		public void setEmailConfirm(String v) {
			emailConfirm = v;
		}

	}

	static class CodeForm {

		private String code = "";

		public String getCode() {
			return code;
		}

		public void setCode(String v) {
			code = v;
		}

	}

	static class ForgotPasswordForm {

		private String userId = "";

		private String email = "";

		public String getUserId() {
			return userId;
		}

		public void setUserId(String v) {
			userId = v;
		}

		public String getEmail() {
			return email;
		}

		public void setEmail(String v) {
			email = v;
		}

	}

	static class ForgotUserIdForm extends SignupForm {

	}

	static class NewPasswordForm {

		private String token = "";

		private String currentPassword = "";

		private String password = "";

		public String getToken() {
			return token;
		}

		public void setToken(String v) {
			token = v;
		}

		public String getCurrentPassword() {
			return currentPassword;
		}

		public void setCurrentPassword(String v) {
			currentPassword = v;
		}

		public String getPassword() {
			return password;
		}

		public void setPassword(String v) {
			password = v;
		}

	}

	static class EmailChangeForm {

		private String email = "";

		private String emailConfirm = "";

		private String currentPassword = "";

		public String getEmail() {
			return email;
		}

		public void setEmail(String v) {
			email = v;
		}

		public String getEmailConfirm() {
			return emailConfirm;
		}

		public void setEmailConfirm(String v) {
			emailConfirm = v;
		}

		public String getCurrentPassword() {
			return currentPassword;
		}

		public void setCurrentPassword(String v) {
			currentPassword = v;
		}

	}

}
