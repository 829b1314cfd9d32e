package jp.kennin.survey.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jp.kennin.audit.AuditLog;
import jp.kennin.eligibility.Eligibility;
import jp.kennin.eligibility.RuleParameters;
import jp.kennin.platform.StaffActor;
import jp.kennin.survey.SurveyAuditEvent;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The insurer's own dated rule parameters for the pre-check, on top of the legal
 * defaults: only the insurer's TENANT_ADMIN sees and changes them; each change and its
 * audit record commit together.
 */
@Service
@Transactional
public class EligibilitySettings {

	private final Eligibility eligibility;

	private final AuditLog audit;

	EligibilitySettings(Eligibility eligibility, AuditLog audit) {
		this.eligibility = eligibility;
		this.audit = audit;
	}

	/** The insurer's own sets, oldest first. */
	@Transactional(readOnly = true)
	public List<RuleParameters> own(StaffActor actor) {
		return eligibility.tenantParameters(tenant(actor));
	}

	public void set(StaffActor actor, RuleParameters parameters) {
		long tenantId = tenant(actor);
		eligibility.setParameters(tenantId, parameters);
		audit.record(AuditLog.Event.byStaff(SurveyAuditEvent.ELIGIBILITY_PARAMETERS_SET, tenantId, actor,
				"eligibility:" + parameters.validFrom(), Map.of("parameters", parameters.toString())));
	}

	/**
	 * @return false if the insurer had no set from that date (nothing recorded)
	 */
	public boolean remove(StaffActor actor, LocalDate validFrom) {
		long tenantId = tenant(actor);
		if (!eligibility.removeParameters(tenantId, validFrom)) {
			return false;
		}
		audit.record(AuditLog.Event.byStaff(SurveyAuditEvent.ELIGIBILITY_PARAMETERS_REMOVED, tenantId, actor,
				"eligibility:" + validFrom, Map.of()));
		return true;
	}

	private static long tenant(StaffActor actor) {
		actor.require(StaffActor.TENANT_ADMIN);
		return actor.requireTenant();
	}

}
