package jp.kennin.account.web;

import java.util.List;

import jp.kennin.account.internal.MemberAccount;
import jp.kennin.account.internal.MemberPrincipal;
import jp.kennin.account.internal.MyPageService;
import jakarta.servlet.http.HttpServletRequest;

import jp.kennin.notice.Notices;
import jp.kennin.review.Rebuttals;
import jp.kennin.survey.MemberSurveys;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * メイン画面: greeting, previous login, the survey as the first thing to do (status, deadline
 * and one big button), the menu of what works, notices.
 */
@Controller
class MemberHomeController {

	static final String VIEW_HOME = "account/home";

	/**
	 * A menu item that works; the manual and FAQ links come from the tenant module (model
	 * {@code memberPages}).
	 */
	record MenuItem(String key, String link) {
	}

	static final List<MenuItem> MENU = List.of(new MenuItem("account.menu.influenza", "/subsidy"),
			new MenuItem("account.menu.mypage", "/mypage"));

	/**
	 * The seed's menu items not built yet: named quietly below the menu, never offered as
	 * links, so members who were told about them know they are not here.
	 */
	static final List<String> NOT_BUILT = List.of("account.menu.applications", "account.menu.useful",
			"account.menu.other");

	private final MyPageService myPage;

	private final Notices notices;

	private final MemberSurveys surveys;

	private final Rebuttals rebuttals;

	MemberHomeController(MyPageService myPage, Notices notices, MemberSurveys surveys, Rebuttals rebuttals) {
		this.rebuttals = rebuttals;
		this.myPage = myPage;
		this.notices = notices;
		this.surveys = surveys;
	}

	@GetMapping("/home")
	String home(@AuthenticationPrincipal MemberPrincipal member, HttpServletRequest request, Model model) {
		MemberAccount account = myPage.account(member);
		model.addAttribute("name", member.name());
		model.addAttribute("previousLogin", account.previousLoginAt());
		model.addAttribute("menu", MENU);
		model.addAttribute("notBuilt", NOT_BUILT);
		model.addAttribute("tenantNotices", notices.publishedTenantNotices(member.tenantId()));
		model.addAttribute("siteNotices", notices.publishedSiteNotices());
		model.addAttribute("surveys", surveys.statusFor(member.tenantId(), member.kigo(), member.bango()));
		// 削除予定 within the rebuttal window, first on the page: the member has days to act.
		model.addAttribute("scheduledRemovals", rebuttals.scheduled(new Rebuttals.MemberActor(member.tenantId(),
				member.kigo(), member.bango(), member.getUsername(), request.getRemoteAddr())));
		return VIEW_HOME;
	}

}
