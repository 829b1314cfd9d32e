package jp.kennin.tenant.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import jp.kennin.tenant.Tenant;

/**
 * An insurer admin's help desk and 記号・番号 wording, with the same limits as the operator's
 * insurer form.
 */
public class TenantContactForm {

	@Size(max = 100, message = "{tenant.form.size100}")
	private String supportName = "";

	@Size(max = 40, message = "{tenant.form.size40}")
	private String supportPhone = "";

	@Size(max = 100, message = "{tenant.form.size100}")
	private String supportHours = "";

	@Email(message = "{tenant.form.email.format}")
	@Size(max = 254, message = "{tenant.form.size254}")
	private String supportEmail = "";

	@Pattern(regexp = "https?://\\S{1,490}|", message = "{tenant.form.url.format}")
	private String supportUrl = "";

	@Size(max = 2000, message = "{tenant.form.size2000}")
	private String memberNumberGuidance = "";

	static TenantContactForm of(Tenant t) {
		TenantContactForm f = new TenantContactForm();
		Tenant.SupportDesk d = t.supportDesk();
		f.supportName = nz(d.name());
		f.supportPhone = nz(d.phone());
		f.supportHours = nz(d.hours());
		f.supportEmail = nz(d.email());
		f.supportUrl = nz(d.url());
		f.memberNumberGuidance = nz(t.memberNumberGuidance());
		return f;
	}

	Tenant.SupportDesk desk() {
		return new Tenant.SupportDesk(blank(supportName), blank(supportPhone), blank(supportHours), blank(supportEmail),
				blank(supportUrl));
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
