package jp.kennin.account.web;

import java.util.List;

import jp.kennin.account.internal.MemberAccount;
import jp.kennin.account.internal.MemberPrincipal;
import jp.kennin.account.internal.MyPageService;
import jp.kennin.notice.Notices;
import jp.kennin.platform.JapanTime;
import jp.kennin.survey.MemberSurveys;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * メイン画面: greeting, previous login, the menu, notices and the survey status.
 */
@Controller
class MemberHomeController {

	static final String VIEW_HOME = "account/home";

	/** The seed's menu; a null link is a feature not built yet (shown as 準備中). */
	record MenuItem(String key, String link) {
	}

	static final List<MenuItem> MENU = List.of(new MenuItem("account.menu.mypage", "/mypage"),
			new MenuItem("account.menu.applications", null), new MenuItem("account.menu.survey", "/survey"),
			new MenuItem("account.menu.influenza", null), new MenuItem("account.menu.useful", null),
			new MenuItem("account.menu.other", null), new MenuItem("account.menu.manual", null));

	private final MyPageService myPage;

	private final Notices notices;

	private final MemberSurveys surveys;

	MemberHomeController(MyPageService myPage, Notices notices, MemberSurveys surveys) {
		this.myPage = myPage;
		this.notices = notices;
		this.surveys = surveys;
	}

	@GetMapping("/home")
	String home(@AuthenticationPrincipal MemberPrincipal member, Model model) {
		MemberAccount account = myPage.account(member);
		model.addAttribute("name", member.name());
		model.addAttribute("previousLogin",
				account.previousLoginAt() == null ? null : JapanTime.formatDateTime(account.previousLoginAt()));
		model.addAttribute("menu", MENU);
		model.addAttribute("tenantNotices", notices.publishedTenantNotices(member.tenantId()));
		model.addAttribute("siteNotices", notices.publishedSiteNotices());
		model.addAttribute("surveys", surveys.statusFor(member.tenantId(), member.kigo(), member.bango()));
		return VIEW_HOME;
	}

}
