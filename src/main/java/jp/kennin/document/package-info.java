/**
 * Proof documents members upload (提出書類): type decided by content, images cleaned
 * (orientation applied, metadata removed, downscaled, re-encoded), PDFs checked,
 * everything stored encrypted through {@link jp.kennin.storage.FileStorage}, served only
 * to the owner's household and to the tenant's staff (every staff access audited).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package jp.kennin.document;
