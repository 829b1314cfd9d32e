package jp.kennin.subsidy.internal;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jp.kennin.audit.AuditLog;
import jp.kennin.platform.StaffActor;
import jp.kennin.subsidy.Subsidies;
import jp.kennin.subsidy.SubsidyAuditEvent;
import jp.kennin.subsidy.SubsidyRules;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The subsidy use cases: the role and tenant are checked first; a change and its audit
 * record are written in one transaction.
 */
@Service
class SubsidyManagement implements Subsidies {

	private final SubsidyRulesRepository rules;

	private final AuditLog audit;

	private final Clock clock;

	SubsidyManagement(SubsidyRulesRepository rules, AuditLog audit, Clock clock) {
		this.rules = rules;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Integer> years(StaffActor actor) {
		return rules.years(admin(actor));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<SubsidyRules> rules(StaffActor actor, int fiscalYear) {
		return rules.find(admin(actor), fiscalYear);
	}

	@Override
	@Transactional
	public void saveRules(StaffActor actor, SubsidyRules changed) {
		long tenantId = admin(actor);
		Map<String, String> problems = changed.problems();
		if (!problems.isEmpty()) {
			throw new SubsidyRulesRejected(problems);
		}
		Optional<SubsidyRules> before = rules.find(tenantId, changed.fiscalYear());
		if (before.isPresent() && before.get().equals(changed)) {
			return;
		}
		rules.save(tenantId, changed, clock.instant());
		audit.record(AuditLog.Event.byStaff(SubsidyAuditEvent.SUBSIDY_RULES_CHANGED, tenantId, actor,
				"subsidy_rules:" + changed.fiscalYear(), changes(before.orElse(null), changed)));
	}

	/** Each field that changed (all of them for a year saved the first time). */
	static Map<String, String> changes(SubsidyRules before, SubsidyRules after) {
		Map<String, String> out = new LinkedHashMap<>();
		for (RecordComponent c : SubsidyRules.class.getRecordComponents()) {
			Object from = before == null ? null : value(c, before);
			Object to = value(c, after);
			if (!Objects.equals(from, to)) {
				out.put(c.getName() + ".from", from == null ? "" : String.valueOf(from));
				out.put(c.getName() + ".to", to == null ? "" : String.valueOf(to));
			}
		}
		return out;
	}

	private static Object value(RecordComponent c, SubsidyRules r) {
		try {
			return c.getAccessor().invoke(r);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Only the insurer's own administrators; operators have no insurer here. */
	private static long admin(StaffActor actor) {
		actor.require(StaffActor.TENANT_ADMIN);
		return actor.requireTenant();
	}

}
