package jp.kennin.lossnotice;

/** The two documents every removed dependent gets. */
public enum NoticeKind {

	/** 被扶養者削除のお知らせ: to the member, with what to do next. */
	NOTICE("notice", "被扶養者削除のお知らせ"),
	/** 資格喪失証明書: for the municipality's 国民健康保険 desk. */
	CERTIFICATE("certificate", "資格喪失証明書");

	private final String slug;

	private final String title;

	NoticeKind(String slug, String title) {
		this.slug = slug;
		this.title = title;
	}

	/** The URL's and file name's word for it. */
	public String slug() {
		return slug;
	}

	/** The document's title, also its file name. */
	public String title() {
		return title;
	}

	/** The kind named by {@link #slug()}, or null. */
	public static NoticeKind ofSlug(String slug) {
		for (NoticeKind kind : values()) {
			if (kind.slug.equals(slug)) {
				return kind;
			}
		}
		return null;
	}

}
