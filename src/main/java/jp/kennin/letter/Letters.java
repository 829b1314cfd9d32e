package jp.kennin.letter;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import jp.kennin.platform.StaffActor;

/**
 * The letter module's application service: counts, batch PDFs and each insurer's letter
 * texts. Every method checks the actor's role and tenant; a campaign of another insurer
 * is not found ({@code LetterNotFound}, 404).
 */
public interface Letters {

	/**
	 * The counts for the campaign's letter page, within the actor's scope.
	 * @throws org.springframework.security.access.AccessDeniedException unless
	 * TENANT_ADMIN or REVIEWER of the insurer (or an actor scoped to offices)
	 */
	LetterCounts counts(LetterActor actor, long campaignId);

	/** How many letters {@link #print} would write. */
	long count(LetterActor actor, long campaignId, LetterSelection selection);

	/**
	 * Writes one PDF with a page per selected household to {@code out}, page by page, so
	 * that memory stays small however many letters; audited as
	 * {@link LetterAuditEvent#LETTERS_PRINTED} with the count.
	 * @return the number of letters written
	 */
	long print(LetterActor actor, long campaignId, LetterSelection selection, OutputStream out) throws IOException;

	/**
	 * The texts of every kind (the defaults where the insurer set none). TENANT_ADMIN.
	 */
	List<LetterTexts> texts(StaffActor actor);

	ReturnAddress returnAddress(StaffActor actor);

	/**
	 * Saves one kind's texts, audited.
	 * @throws IllegalArgumentException for an empty or too long title or body (the
	 * controller checks first)
	 */
	void updateTexts(StaffActor actor, LetterKind kind, String title, String body);

	/** Back to the default texts of one kind, audited. */
	void resetTexts(StaffActor actor, LetterKind kind);

	void updateReturnAddress(StaffActor actor, ReturnAddress address);

	/**
	 * A sample letter of one kind with the insurer's current texts and an invented
	 * household, as PDF.
	 */
	byte[] samplePdf(StaffActor actor, LetterKind kind) throws IOException;

	/** The same sample as a PNG image of the page, for the settings page. */
	byte[] samplePng(StaffActor actor, LetterKind kind) throws IOException;

}
