package jp.kennin.tenant;

/**
 * An insurer. {@code code} is the 保険者指定コード: lowercase ASCII, unique and never changed.
 */
public record Tenant(long id, String code, String name, String mailFromAddress, String mailFromName,
		SupportDesk supportDesk, PasswordPolicyPreset passwordPolicy) {

	/** How members reach the insurer's help desk; every field may be empty. */
	public record SupportDesk(String phone, String hours, String email, String url) {

		public static SupportDesk none() {
			return new SupportDesk(null, null, null, null);
		}

	}

}
