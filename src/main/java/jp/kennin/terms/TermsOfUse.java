package jp.kennin.terms;

import java.util.List;
import java.util.Optional;

/**
 * The terms of use members must accept. Publishing a version makes it current at once:
 * every member is asked to consent again at the next request.
 */
public interface TermsOfUse {

	/** The newest published version (one is always seeded). */
	TermsVersion current();

	Optional<TermsVersion> find(int version);

	/** Every published version, newest first. */
	List<TermsVersion> versions();

	/**
	 * Publishes a new version with the next number.
	 * @param publishedBy the staff login ID, for the record
	 * @throws IllegalArgumentException if the title or body is empty
	 */
	TermsVersion publish(String title, String body, String publishedBy);

}
