package jp.kennin.document;

/**
 * Why an upload was refused. Each has a specific message ({@code document.error.<name>})
 * in the GOV.UK / デジタル庁 style: say what is wrong and what to do.
 */
public enum DocumentProblem {

	/** No file was chosen. */
	NO_FILE,
	/** 「ファイルが空です」. */
	EMPTY,
	/** 「ファイルサイズは{0}MB以下にしてください」. */
	TOO_LARGE,
	/** 「JPEG、PNG、HEIC、PDF のいずれかのファイルを選択してください」. */
	UNSUPPORTED_TYPE,
	/** Pixel-flood limit, checked from the header before decoding. */
	TOO_MANY_PIXELS,
	/** 「パスワードで保護されたPDFはアップロードできません」. */
	PASSWORD_PROTECTED,
	/** 「ファイルが壊れているため読み込めません」. */
	CORRUPT,
	/** The household already has the maximum number of files. */
	TOO_MANY_FILES,
	/** Storage or another server-side failure: 「もう一度お試しください」. */
	FAILED,
	/**
	 * A {@link DocumentChangePolicy} refuses new files now (review started, deadline
	 * passed).
	 */
	UPLOAD_CLOSED,
	/**
	 * A {@link DocumentChangePolicy} keeps the file (it was submitted); the argument is
	 * its name.
	 */
	DELETE_CLOSED;

	public String messageKey() {
		return "document.error." + name();
	}

}
