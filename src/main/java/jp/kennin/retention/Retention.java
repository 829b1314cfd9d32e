package jp.kennin.retention;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

import jp.kennin.platform.StaffActor;

/**
 * The retention module's use cases for staff. Only the insurer's TENANT_ADMINs change the
 * periods and export a household's data; everyone else is refused (403) before anything
 * is read.
 */
public interface Retention {

	/** The insurer's periods (the defaults when never saved). */
	RetentionSettings settingsForEditing(StaffActor actor);

	/** Saves the periods and records the change (from, to). */
	void changeSettings(StaffActor actor, RetentionSettings settings);

	/**
	 * Prepares the data export (開示請求) of the household of a roster person of the actor's
	 * insurer and records it in the audit log. Empty when there is no such person in the
	 * insurer's roster (another insurer's person included).
	 */
	Optional<MemberExport> export(StaffActor actor, long rosterPersonId);

	/** A prepared export: written as a ZIP, entry by entry, to the response. */
	interface MemberExport {

		/** The file name to download under, e.g. {@code kaiji-01-t011.zip}. */
		String fileName();

		void writeTo(OutputStream out) throws IOException;

	}

}
