package jp.kennin.audit.web;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.kennin.audit.AuditEntry;
import jp.kennin.audit.AuditTargets;
import jp.kennin.platform.StaffActor;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns audit entries into what staff read: 「調査を公開」 for {@code CAMPAIGN_OPENED},
 * 「保険者の管理者」 for {@code TENANT_ADMIN}, 「調査: 2026年度 被扶養者資格調査」 (with its page) for
 * {@code campaign:12}. A code without a label is shown as it is rather than hidden, so an
 * event type added later is still readable.
 */
@Component
class AuditLabels {

	private final Map<String, AuditTargets> targets;

	private final MessageSource messages;

	AuditLabels(List<AuditTargets> targets, MessageSource messages) {
		this.targets = targets.stream().collect(Collectors.toMap(AuditTargets::kind, Function.identity()));
		this.messages = messages;
	}

	record Row(AuditEntry entry, String type, String actor, String role, String target, String href,
			List<Detail> details) {
	}

	record Detail(String label, String value) {
	}

	List<Row> rows(List<AuditEntry> entries, StaffActor viewer, Locale locale) {
		Map<String, AuditTargets.Target> named = name(entries.stream().map(AuditEntry::target).toList(), viewer);
		return entries.stream().map(e -> row(e, named, locale)).toList();
	}

	private Row row(AuditEntry e, Map<String, AuditTargets.Target> named, Locale locale) {
		AuditTargets.Target target = e.target() == null ? null : named.get(e.target());
		return new Row(e, type(e.type(), locale), actor(e, locale), role(e.actorRole(), locale),
				target(e.target(), target, locale), target == null ? null : target.href(), details(e, locale));
	}

	List<Detail> details(AuditEntry e, Locale locale) {
		return e.details()
			.entrySet()
			.stream()
			.map(d -> new Detail(text("audit.detail." + d.getKey(), d.getKey(), locale),
					value(d.getKey(), d.getValue(), locale)))
			.toList();
	}

	String type(String code, Locale locale) {
		return code == null ? "" : text("audit.type." + code, code, locale);
	}

	String role(String role, Locale locale) {
		return role == null ? "" : text("staff.role." + role, role, locale);
	}

	/** Staff by their login ID; anyone else with what they were (会員, システム, 未ログイン). */
	String actor(AuditEntry e, Locale locale) {
		String id = e.actorId() == null ? "" : e.actorId();
		if (e.actorKind() == null || StaffActor.KIND.equals(e.actorKind())) {
			return id;
		}
		String kind = text("audit.actorKind." + e.actorKind(), e.actorKind(), locale);
		return id.isEmpty() ? kind : kind + " " + id;
	}

	String target(String code, AuditTargets.Target named, Locale locale) {
		if (code == null || code.isEmpty()) {
			return "";
		}
		int colon = code.indexOf(':');
		if (colon < 0) {
			return code;
		}
		String kind = messages.getMessage("audit.target." + code.substring(0, colon), null, null, locale);
		if (kind == null) {
			return code;
		}
		String name = named == null ? code.substring(colon + 1) : named.name();
		return messages.getMessage("audit.target.label", new Object[] { kind, name }, locale);
	}

	/** Names the targets kind by kind, one call per kind for the whole page. */
	Map<String, AuditTargets.Target> name(Collection<String> codes, StaffActor viewer) {
		Map<String, Set<String>> idsByKind = new LinkedHashMap<>();
		for (String code : codes) {
			int colon = code == null ? -1 : code.indexOf(':');
			if (colon > 0 && targets.containsKey(code.substring(0, colon))) {
				idsByKind.computeIfAbsent(code.substring(0, colon), k -> new LinkedHashSet<>())
					.add(code.substring(colon + 1));
			}
		}
		Map<String, AuditTargets.Target> named = new HashMap<>();
		idsByKind.forEach((kind, ids) -> targets.get(kind)
			.describe(viewer, ids)
			.forEach((id, target) -> named.put(kind + ":" + id, target)));
		return named;
	}

	/**
	 * Coded values in words: per key ({@code audit.value.mode.SNAPSHOT}), upload slots by
	 * their document name, yes and no; every other value is a fact to show as recorded.
	 */
	private String value(String key, String value, Locale locale) {
		if (value == null || value.isEmpty() || !value.matches("[A-Za-z_]{1,40}")) {
			return value;
		}
		String named = messages.getMessage("audit.value." + key + "." + value, null, null, locale);
		if (named == null && "slot".equals(key)) {
			named = messages.getMessage("eligibility.document." + value + ".name", null, null, locale);
		}
		if (named == null && ("true".equals(value) || "false".equals(value))) {
			named = messages.getMessage("audit.value." + value, null, null, locale);
		}
		return named == null ? value : named;
	}

	private String text(String key, String fallback, Locale locale) {
		return messages.getMessage(key, null, fallback, locale);
	}

}
