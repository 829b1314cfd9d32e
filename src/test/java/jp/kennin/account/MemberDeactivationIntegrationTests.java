package jp.kennin.account;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.kennin.audit.AuditEntry;
import jp.kennin.audit.AuditLog;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterCsv;
import jp.kennin.roster.RosterImports;
import jp.kennin.roster.RosterPerson;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.TestStaff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A household a snapshot import leaves out becomes inactive: its member loses the
 * sessions they had, cannot log in (and is told whom to ask once the password was right),
 * while staff still see the data.
 */
@KenninIntegrationTest
class MemberDeactivationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	RosterImports imports;

	@Autowired
	Roster roster;

	@Autowired
	AuditLog audit;

	@Autowired
	FindByIndexNameSessionRepository<? extends Session> sessions;

	@Test
	void a_snapshot_import_without_the_member_ends_their_sessions_and_refuses_their_login() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		MemberClient phone = member.loggedIn(mvc);
		MemberClient computer = member.loggedIn(mvc);
		phone.get("/mypage").andExpect(status().isOk());
		assertThat(sessions.findByPrincipalName(member.userId())).hasSize(2);

		RosterImports.ImportResult result = snapshot(member,
				RosterCsv.create().insured("01", "other" + member.person().bango(), "別人 花子", "ベツジン ハナコ", "1970/01/01"));
		assertThat(result.counts().deactivated()).isEqualTo(1);

		assertThat(sessions.findByPrincipalName(member.userId())).as("sessions left after the import").isEmpty();
		phone.get("/mypage").andExpect(status().is3xxRedirection());
		computer.get("/survey").andExpect(status().is3xxRedirection());
		assertThat(types(member)).contains("SESSIONS_ENDED");

		MemberClient again = new MemberClient(mvc);
		again.login(member.userId(), member.password()).andExpect(redirectedUrl("/login?inactive"));
		String told = again.get("/login?inactive").andReturn().getResponse().getContentAsString();
		assertThat(told).contains("この登録は現在ご利用いただけません").contains(member.tenant().name()).contains("03-0000-0000");
		again.get("/home").andExpect(status().is3xxRedirection());

		// Someone without the password learns nothing: the usual answer, no desk, no
		// hint.
		MemberClient stranger = new MemberClient(mvc);
		stranger.login(member.userId(), "Wrong#pass99").andExpect(redirectedUrl("/login?error"));
		String refused = stranger.get("/login?error").andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("ユーザーIDまたはパスワードが正しくありません")
			.doesNotContain("03-0000-0000")
			.doesNotContain("この登録は現在ご利用いただけません");
		assertThat(stranger.get("/login?inactive").andReturn().getResponse().getContentAsString())
			.as("the page alone names no insurer")
			.doesNotContain("03-0000-0000");
	}

	@Test
	void a_session_that_survived_the_deactivation_is_refused_at_its_next_request() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		MemberClient client = member.loggedIn(mvc);
		client.get("/survey").andExpect(status().isOk());
		// Deactivated without the import's event, as if the session had been opened while
		// the import ran.
		setActive(member.person(), false);

		client
			.post("/mypage/email", "email", "x@example.jp", "emailConfirm", "x@example.jp", "currentPassword",
					member.password())
			.andExpect(redirectedUrl("/login?inactive"));
		client.get("/survey").andExpect(status().is3xxRedirection());
		client.get("/mypage").andExpect(status().is3xxRedirection());
		assertThat(fixtures.mailsTo("x@example.jp")).isEmpty();
	}

	@Test
	void staff_still_see_the_deactivated_member_and_their_account() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		snapshot(member,
				RosterCsv.create().insured("01", "z" + member.person().bango(), "別人 花子", "ベツジン ハナコ", "1970/01/01"));
		String detail = mvc
			.perform(get("/admin/roster/people/" + member.person().id()).with(TestStaff.reviewer(member.tenant().id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(detail).contains("御室 太郎").contains("無効").contains(member.userId());
	}

	@Test
	void a_later_import_that_lists_the_member_again_restores_their_login() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		String bango = member.person().bango();
		snapshot(member, RosterCsv.create().insured("01", "y" + bango, "別人 花子", "ベツジン ハナコ", "1970/01/01"));
		new MemberClient(mvc).login(member.userId(), member.password()).andExpect(redirectedUrl("/login?inactive"));

		snapshot(member, RosterCsv.create().insured("01", bango, "御室 太郎", "オムロ タロウ", "1980/04/01"));
		member.loggedIn(mvc).get("/mypage").andExpect(status().isOk());
	}

	private RosterImports.ImportResult snapshot(Registration member, RosterCsv csv) {
		RosterImports.ImportResult result = imports.run(
				new RosterImports.ImportRequest(member.tenant().id(), RosterImports.Mode.SNAPSHOT,
						RosterImports.Source.CLI, "roster.csv", "cli", null, null, false),
				new ByteArrayInputStream(csv.utf8()), null);
		assertThat(result.errors()).isEmpty();
		assertThat(result.applied()).isTrue();
		return result;
	}

	private void setActive(RosterPerson p, boolean active) {
		roster.upsert(p.tenantId(),
				List.of(new RosterPerson(0, 0, p.kigo(), p.bango(), p.edaban(), true, p.relationship(),
						RelationshipCategory.SELF, p.name(), p.nameKana(), p.birthDate(), p.gender(), p.email(),
						p.officeCode(), p.officeName(), p.livingTogether(), p.qualifiedOn(), active)));
	}

	private List<String> types(Registration member) {
		return audit.search(new AuditLog.Query(member.tenant().id(), null, null, null, null, 200))
			.stream()
			.map(AuditEntry::type)
			.toList();
	}

}
