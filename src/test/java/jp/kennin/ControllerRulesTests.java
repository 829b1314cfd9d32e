package jp.kennin;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import jp.kennin.audit.AuditLog;
import jp.kennin.platform.StaffActor;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Controllers bind, call and redirect: the rule, the role check and the audit record of a
 * staff or member action live in the module's application service, in the action's
 * transaction (issue 11). These rules keep it so. Filters that run before Spring Security
 * (upload size guards) are not controllers and may look at the session's login.
 */
class ControllerRulesTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("jp.kennin");

	/**
	 * What counts as checking a role or parsing the login: the service does that with the
	 * StaffActor.
	 */
	private static final Set<String> STAFF_ACTOR_CHECKS = Set.of("operator", "tenantAdmin", "has", "require",
			"requireTenant", "canSee", "of");

	private static final Set<String> ROLE_CHECK_NAMES = Set.of("requireAdmin", "hasRole", "hasAnyRole", "hasAuthority",
			"hasAnyAuthority", "isUserInRole");

	static final DescribedPredicate<JavaMethodCall> A_ROLE_CHECK = DescribedPredicate
		.describe("a role check (StaffActor role predicates, requireAdmin, hasRole, reading authorities)", call -> {
			String name = call.getTarget().getName();
			if (call.getTargetOwner().isEquivalentTo(StaffActor.class)) {
				return STAFF_ACTOR_CHECKS.contains(name);
			}
			if (call.getTargetOwner().isAssignableTo(Authentication.class)) {
				return name.equals("getAuthorities");
			}
			return ROLE_CHECK_NAMES.contains(name);
		});

	@Test
	void web_classes_never_write_the_audit_log() {
		noClasses().that()
			.resideInAPackage("..web..")
			.or()
			.areAnnotatedWith(Controller.class)
			.or()
			.areAnnotatedWith(RestController.class)
			.should()
			.dependOnClassesThat()
			.areAssignableTo(AuditLog.class)
			.because("an action and its audit record commit together, in the module's application service")
			.check(CLASSES);
	}

	@Test
	void controllers_never_check_roles() {
		noClasses().that()
			.areAnnotatedWith(Controller.class)
			.or()
			.areAnnotatedWith(RestController.class)
			.should()
			.callMethodWhere(A_ROLE_CHECK)
			.because("the application service checks role and tenant with StaffActor#require, one shape everywhere")
			.check(CLASSES);
	}

}
