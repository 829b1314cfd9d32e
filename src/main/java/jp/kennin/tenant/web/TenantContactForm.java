package jp.kennin.tenant.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import jp.kennin.platform.NoControlCharacters;
import jp.kennin.tenant.Tenant;

/**
 * An insurer's help desk and 記号・番号 wording as typed: the insurer admin's page, and the
 * part of the operator's insurer form ({@link TenantForm}) that holds the same fields, so
 * both check them alike.
 */
public class TenantContactForm {

	@Size(max = 100, message = "{tenant.form.size100}")
	@NoControlCharacters(message = "{tenant.form.controlCharacters}")
	private String supportName = "";

	@Size(max = 40, message = "{tenant.form.size40}")
	@NoControlCharacters(message = "{tenant.form.controlCharacters}")
	private String supportPhone = "";

	@Size(max = 100, message = "{tenant.form.size100}")
	@NoControlCharacters(message = "{tenant.form.controlCharacters}")
	private String supportHours = "";

	@Email(message = "{tenant.form.email.format}")
	@Size(max = 254, message = "{tenant.form.size254}")
	private String supportEmail = "";

	@Pattern(regexp = "https?://\\S{1,490}|", message = "{tenant.form.url.format}")
	private String supportUrl = "";

	@Size(max = 2000, message = "{tenant.form.size2000}")
	@NoControlCharacters(multiline = true, message = "{tenant.form.controlCharacters.multiline}")
	private String memberNumberGuidance = "";

	/**
	 * Text, so that what was typed comes back on an error; blank keeps the setting (the
	 * operator's insurer form has no such field).
	 */
	@Pattern(regexp = "\\s*(|0|[1-9]\\d{0,4}|100000)\\s*", message = "{tenant.form.mailsPerMinute.range}")
	private String mailsPerMinute = "";

	public String getMailsPerMinute() {
		return mailsPerMinute;
	}

	public void setMailsPerMinute(String mailsPerMinute) {
		this.mailsPerMinute = mailsPerMinute == null ? "" : mailsPerMinute;
	}

	Integer mailsPerMinuteValue() {
		return mailsPerMinute.isBlank() ? null : Integer.valueOf(mailsPerMinute.strip());
	}

	static TenantContactForm of(Tenant t) {
		TenantContactForm f = new TenantContactForm();
		f.fillContact(t);
		return f;
	}

	/** Fills the desk and the wording from the insurer as stored. */
	void fillContact(Tenant t) {
		Tenant.SupportDesk d = t.supportDesk();
		supportName = nz(d.name());
		supportPhone = nz(d.phone());
		supportHours = nz(d.hours());
		supportEmail = nz(d.email());
		supportUrl = nz(d.url());
		memberNumberGuidance = nz(t.memberNumberGuidance());
	}

	/** The wording as stored: null when nothing was typed. */
	String guidance() {
		return blank(memberNumberGuidance);
	}

	Tenant.SupportDesk desk() {
		return new Tenant.SupportDesk(blank(supportName), blank(supportPhone), blank(supportHours), blank(supportEmail),
				blank(supportUrl));
	}

	static String nz(String s) {
		return s == null ? "" : s;
	}

	static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	static String trim(String s) {
		return s == null ? "" : s.strip();
	}

	public String getSupportName() {
		return supportName;
	}

	public void setSupportName(String v) {
		this.supportName = trim(v);
	}

	public String getSupportPhone() {
		return supportPhone;
	}

	public void setSupportPhone(String v) {
		this.supportPhone = trim(v);
	}

	public String getSupportHours() {
		return supportHours;
	}

	public void setSupportHours(String v) {
		this.supportHours = trim(v);
	}

	public String getSupportEmail() {
		return supportEmail;
	}

	public void setSupportEmail(String v) {
		this.supportEmail = trim(v);
	}

	public String getSupportUrl() {
		return supportUrl;
	}

	public void setSupportUrl(String v) {
		this.supportUrl = trim(v);
	}

	public String getMemberNumberGuidance() {
		return memberNumberGuidance;
	}

	public void setMemberNumberGuidance(String v) {
		this.memberNumberGuidance = trim(v);
	}

}
