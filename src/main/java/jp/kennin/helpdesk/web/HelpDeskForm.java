package jp.kennin.helpdesk.web;

/**
 * What staff type for a help-desk action: always a reason; the new address for EMAIL; a
 * tick for RESET.
 */
class HelpDeskForm {

	static final int REASON_MAX = 200;

	private String reason = "";

	private String email = "";

	private boolean confirm;

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason == null ? "" : reason;
	}

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email == null ? "" : email;
	}

	public boolean isConfirm() {
		return confirm;
	}

	public void setConfirm(boolean confirm) {
		this.confirm = confirm;
	}

}
