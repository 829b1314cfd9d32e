package jp.kennin.staff.internal;

import java.util.List;

import org.junit.jupiter.api.Test;

import jp.kennin.platform.StaffActor;
import jp.kennin.staff.StaffRole;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.session.MapSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How Spring Session indexes a session, so that a staff account's sessions can be found
 * and ended.
 */
class StaffSessionsTests {

	@Test
	void a_staff_login_is_indexed_by_its_account_and_a_member_login_keeps_the_members_name() {
		MapSession session = new MapSession();
		assertThat(StaffSessions.index(session)).isNull();

		StaffPrincipal staff = new StaffPrincipal(42, "Staff-A", "職員", StaffRole.REVIEWER, 7L, null, true, true, 3);
		session.setAttribute(StaffActor.SESSION_CONTEXT_KEY, new SecurityContextImpl(
				UsernamePasswordAuthenticationToken.authenticated(staff, null, staff.getAuthorities())));
		assertThat(StaffSessions.index(session)).isEqualTo("staff:42");

		// The member side ends its sessions by user ID; a session holding both logins
		// stays findable for it
		// (the staff login in it then ends through the account version check).
		session.setAttribute("SPRING_SECURITY_CONTEXT", new SecurityContextImpl(
				UsernamePasswordAuthenticationToken.authenticated("member-1", null, List.of())));
		assertThat(StaffSessions.index(session)).isEqualTo("member-1");
	}

}
