package jp.kennin.tenant.web;

import java.util.Locale;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import jp.kennin.platform.NoControlCharacters;
import jp.kennin.tenant.PasswordPolicyPreset;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;

/**
 * An insurer's settings as typed by an operator; {@code code} only counts when creating.
 */
public class TenantForm {

	@Pattern(regexp = "[a-z0-9][a-z0-9_-]{1,31}|", message = "{tenant.form.code.format}")
	private String code = "";

	@NotBlank(message = "{tenant.form.name.required}")
	@Size(max = 100, message = "{tenant.form.size100}")
	@NoControlCharacters(message = "{tenant.form.controlCharacters}")
	private String name = "";

	@NotBlank(message = "{tenant.form.mailFromAddress.required}")
	@Email(message = "{tenant.form.email.format}")
	@Size(max = 254, message = "{tenant.form.size254}")
	private String mailFromAddress = "";

	@NotBlank(message = "{tenant.form.mailFromName.required}")
	@Size(max = 100, message = "{tenant.form.size100}")
	@NoControlCharacters(message = "{tenant.form.controlCharacters}")
	private String mailFromName = "";

	@Size(max = 100, message = "{tenant.form.size100}")
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

	private PasswordPolicyPreset passwordPolicy = PasswordPolicyPreset.SEED;

	@Size(max = 2000, message = "{tenant.form.size2000}")
	private String memberNumberGuidance = "";

	static TenantForm of(Tenant t) {
		TenantForm f = new TenantForm();
		f.code = t.code();
		f.name = t.name();
		f.mailFromAddress = t.mailFromAddress();
		f.mailFromName = t.mailFromName();
		f.supportName = nz(t.supportDesk().name());
		f.supportPhone = nz(t.supportDesk().phone());
		f.supportHours = nz(t.supportDesk().hours());
		f.supportEmail = nz(t.supportDesk().email());
		f.supportUrl = nz(t.supportDesk().url());
		f.passwordPolicy = t.passwordPolicy();
		f.memberNumberGuidance = nz(t.memberNumberGuidance());
		return f;
	}

	Tenants.NewTenant toNewTenant() {
		return new Tenants.NewTenant(code, name, mailFromAddress, mailFromName,
				new Tenant.SupportDesk(blank(supportName), blank(supportPhone), blank(supportHours),
						blank(supportEmail), blank(supportUrl)),
				passwordPolicy == null ? PasswordPolicyPreset.SEED : passwordPolicy, blank(memberNumberGuidance));
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static String trim(String s) {
		return s == null ? "" : s.strip();
	}

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = trim(code).toLowerCase(Locale.ROOT);
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = trim(name);
	}

	public String getMailFromAddress() {
		return mailFromAddress;
	}

	public void setMailFromAddress(String v) {
		this.mailFromAddress = trim(v);
	}

	public String getMailFromName() {
		return mailFromName;
	}

	public void setMailFromName(String v) {
		this.mailFromName = trim(v);
	}

	public String getSupportName() {
		return supportName;
	}

	public void setSupportName(String v) {
		this.supportName = trim(v);
	}

	public String getMemberNumberGuidance() {
		return memberNumberGuidance;
	}

	public void setMemberNumberGuidance(String v) {
		// Line breaks count as typed; only the ends are trimmed.
		this.memberNumberGuidance = trim(v);
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

	public PasswordPolicyPreset getPasswordPolicy() {
		return passwordPolicy;
	}

	public void setPasswordPolicy(PasswordPolicyPreset passwordPolicy) {
		this.passwordPolicy = passwordPolicy;
	}

}
