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
public class TenantForm extends TenantContactForm {

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

	private PasswordPolicyPreset passwordPolicy = PasswordPolicyPreset.SEED;

	static TenantForm of(Tenant t) {
		TenantForm f = new TenantForm();
		f.code = t.code();
		f.name = t.name();
		f.mailFromAddress = t.mailFromAddress();
		f.mailFromName = t.mailFromName();
		f.fillContact(t);
		f.passwordPolicy = t.passwordPolicy();
		return f;
	}

	Tenants.NewTenant toNewTenant() {
		return new Tenants.NewTenant(code, name, mailFromAddress, mailFromName, desk(),
				passwordPolicy == null ? PasswordPolicyPreset.SEED : passwordPolicy, guidance());
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

	public PasswordPolicyPreset getPasswordPolicy() {
		return passwordPolicy;
	}

	public void setPasswordPolicy(PasswordPolicyPreset passwordPolicy) {
		this.passwordPolicy = passwordPolicy;
	}

}
