package jp.kennin.platform;

/**
 * Telling a multipart size limit apart from other failures while a request body is
 * parsed.
 */
public final class UploadLimits {

	private UploadLimits() {
	}

	/**
	 * True if {@code ex} (or a cause) is Tomcat's or Commons FileUpload's "size limit
	 * exceeded", whatever the exception class is called in the version at hand.
	 */
	public static boolean exceeded(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			String name = t.getClass().getSimpleName();
			if (name.contains("SizeLimitExceeded") || name.contains("SizeException")) {
				return true;
			}
		}
		return false;
	}

}
