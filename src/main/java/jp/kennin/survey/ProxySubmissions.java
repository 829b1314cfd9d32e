package jp.kennin.survey;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Which forms staff entered and submitted on the member's behalf (代行入力), for other
 * modules' staff pages (the review screen and queue mark them 「代行入力（紙）」). Read-only and
 * scoped by tenant; the caller has already checked the staff member may see the forms.
 */
public interface ProxySubmissions {

	/**
	 * The channel of the form's latest submission when staff entered it; empty when the
	 * member sent it on the web.
	 */
	Optional<ProxyChannel> latestChannel(long tenantId, long formId);

	/**
	 * The same for several forms at once: only the forms staff entered appear.
	 */
	Map<Long, ProxyChannel> latestChannels(long tenantId, Collection<Long> formIds);

}
