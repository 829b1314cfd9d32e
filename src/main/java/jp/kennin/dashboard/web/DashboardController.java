package jp.kennin.dashboard.web;

import jp.kennin.dashboard.CampaignDashboards;
import jp.kennin.dashboard.Dashboard;
import jp.kennin.dashboard.OfficeSort;
import jp.kennin.platform.StaffActor;
import jp.kennin.review.ReviewActor;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The campaign dashboard. The office table sorts on the server
 * ({@code ?sort=…&dir=desc}), the charts are drawn by dashboard.js from the tables on the
 * page. The page's body is the dashboard template fragment
 * ({@code dashboard/fragments :: dashboardBody}), which the office contacts' dashboard
 * shows too.
 */
@Controller
class DashboardController {

	static final String VIEW = "dashboard/dashboard";

	private final CampaignDashboards dashboards;

	DashboardController(CampaignDashboards dashboards) {
		this.dashboards = dashboards;
	}

	@GetMapping("/admin/campaigns/{id}/dashboard")
	String show(StaffActor staff, @PathVariable long id, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String dir, Model model) {
		OfficeSort by = OfficeSort.parse(sort);
		boolean descending = "desc".equals(dir);
		model.addAttribute("dashboard", dashboards.view(ReviewActor.of(staff), id, by, descending));
		model.addAttribute("chartLibrary", Dashboard.CHART_LIBRARY);
		model.addAttribute("sort", by);
		model.addAttribute("descending", descending);
		model.addAttribute("admin", StaffActor.TENANT_ADMIN.equals(staff.role()));
		// The dashboard template fragment's links come back here; no office filter.
		model.addAttribute("dashboardUrl", "/admin/campaigns/" + id + "/dashboard");
		model.addAttribute("showCost", true);
		return VIEW;
	}

}
