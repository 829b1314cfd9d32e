/**
 * Printed letters for households that mail does not reach (issue 13): one A4 page per
 * household for a 長3 window envelope, in three kinds (案内, 督促, 最終督促), with texts each
 * insurer edits, and batch PDFs of the letter list, an office or the non-responders,
 * streamed so that 10,000 letters need only a small heap. {@link Letters} is the one
 * entry point.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Letter")
package jp.kennin.letter;
