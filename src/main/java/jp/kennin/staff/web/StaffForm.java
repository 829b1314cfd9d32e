package jp.kennin.staff.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import jp.kennin.platform.NoControlCharacters;

/**
 * A new staff account. {@code tenant} is chosen by operators only; insurer admins create
 * staff of their own.
 */
public class StaffForm {

	@NotBlank(message = "{staff.form.loginId.required}")
	@Pattern(regexp = "[A-Za-z0-9._@-]{3,50}|", message = "{staff.form.loginId.format}")
	private String loginId = "";

	@NotBlank(message = "{staff.form.displayName.required}")
	@Size(max = 100, message = "{staff.form.displayName.size}")
	@NoControlCharacters(message = "{staff.form.displayName.controlCharacters}")
	private String displayName = "";

	@NotBlank(message = "{staff.form.role.required}")
	private String role = "";

	private Long tenant;

	/** The 事業所コード of an office contact (checkboxes); ignored for other roles. */
	private List<String> offices = new ArrayList<>();

	public String getLoginId() {
		return loginId;
	}

	public void setLoginId(String loginId) {
		this.loginId = loginId == null ? "" : loginId.strip();
	}

	public String getDisplayName() {
		return displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName == null ? "" : displayName.strip();
	}

	public String getRole() {
		return role;
	}

	public void setRole(String role) {
		this.role = role;
	}

	public List<String> getOffices() {
		return offices;
	}

	public void setOffices(List<String> offices) {
		this.offices = offices == null ? new ArrayList<>() : offices;
	}

	public Long getTenant() {
		return tenant;
	}

	public void setTenant(Long tenant) {
		this.tenant = tenant;
	}

}
