package jp.kennin.document;

/**
 * The bytes of a document (or of its thumbnail), decrypted, with what to serve them as.
 */
public record DocumentContent(StoredDocument document, byte[] bytes, String contentType, String fileName) {
}
