package jp.kennin.letter.web;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The insurer's return address as typed on the settings page. */
public class ReturnAddressForm {

	@Pattern(regexp = "^$|^[0-9０-９]{3}[-－ー]?[0-9０-９]{4}$", message = "{letter.settings.error.postalCode}")
	private String postalCode;

	@Size(max = 200, message = "{letter.settings.error.addressLength}")
	private String address;

	public String getPostalCode() {
		return postalCode;
	}

	public void setPostalCode(String postalCode) {
		this.postalCode = postalCode;
	}

	public String getAddress() {
		return address;
	}

	public void setAddress(String address) {
		this.address = address;
	}

}
