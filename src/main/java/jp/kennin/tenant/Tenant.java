package jp.kennin.tenant;

import java.text.Normalizer;

import jp.kennin.platform.SafeMarkdown;

/**
 * An insurer. {@code code} is the 保険者指定コード: lowercase ASCII, unique and never changed.
 * {@code memberNumberGuidance} is the insurer's own text (plain or Markdown) on where its
 * members find 記号・番号; null when it has set none.
 */
public record Tenant(long id, String code, String name, String mailFromAddress, String mailFromName,
		SupportDesk supportDesk, PasswordPolicyPreset passwordPolicy, String memberNumberGuidance) {

	public Tenant(long id, String code, String name, String mailFromAddress, String mailFromName,
			SupportDesk supportDesk, PasswordPolicyPreset passwordPolicy) {
		this(id, code, name, mailFromAddress, mailFromName, supportDesk, passwordPolicy, null);
	}

	/**
	 * The insurer's wording on 記号・番号 as sanitised HTML, safe to insert unescaped; empty
	 * when none is set.
	 */
	public String memberNumberGuidanceHtml() {
		return SafeMarkdown.toHtml(memberNumberGuidance);
	}

	/**
	 * How members reach the insurer's help desk; every field may be empty. {@code name}
	 * is the desk's own name (窓口名), such as 「デモ健康保険組合 適用グループ」.
	 */
	public record SupportDesk(String name, String phone, String hours, String email, String url) {

		/** A desk without a name of its own. */
		public SupportDesk(String phone, String hours, String email, String url) {
			this(null, phone, hours, email, url);
		}

		public static SupportDesk none() {
			return new SupportDesk(null, null, null, null, null);
		}

		/**
		 * Whether there is anything to show a member; a desk with nothing set shows
		 * nothing at all.
		 */
		public boolean isEmpty() {
			return blank(name) && blank(phone) && blank(hours) && blank(email) && blank(url);
		}

		/**
		 * The phone number as a {@code tel:} link target: digits and a leading plus only.
		 */
		public String telLink() {
			if (blank(phone)) {
				return null;
			}
			String digits = Normalizer.normalize(phone, Normalizer.Form.NFKC).replaceAll("[^0-9+]", "");
			return digits.isEmpty() ? null : "tel:" + digits;
		}

		private static boolean blank(String s) {
			return s == null || s.isBlank();
		}

	}

}
