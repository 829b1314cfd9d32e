package jp.kennin.audit;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import jp.kennin.platform.StaffActor;

/**
 * Names what audit events point at ({@code target} is {@code <kind>:<id>}, e.g.
 * {@code campaign:12}), so the audit log shows 「調査: 2026年度 被扶養者資格調査」 instead of the code.
 * The module that owns a kind implements this; the audit module stays unaware of the
 * others.
 */
public interface AuditTargets {

	/** The part before the colon this implementation names, e.g. {@code campaign}. */
	String kind();

	/**
	 * Names for the ids, as the viewer may see them: never anything of another tenant
	 * than the viewer's (operators see every tenant). Ids not found are left out.
	 * @return id → name and, where the viewer may open one, the page's path
	 */
	Map<String, Target> describe(StaffActor viewer, Collection<String> ids);

	/**
	 * The ids that are numbers (table keys); anything else cannot name a row and is
	 * skipped.
	 */
	static List<Long> numericIds(Collection<String> ids) {
		return ids.stream().filter(id -> id.matches("\\d{1,18}")).map(Long::valueOf).distinct().toList();
	}

	/**
	 * @param href the page's path for the viewer, or null when there is none (or the
	 * viewer may not open it)
	 */
	record Target(String name, String href) {
	}

}
