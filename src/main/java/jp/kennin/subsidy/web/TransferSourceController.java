package jp.kennin.subsidy.web;

import jp.kennin.platform.StaffActor;
import jp.kennin.subsidy.SubsidyPayments.TransferSourceRejected;
import jp.kennin.subsidy.SubsidyTransferSources;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * 振込元口座の設定: the insurer's own account for the 全銀協 file. A wrong field is named next to
 * it, everything typed is kept and nothing is saved.
 */
@Controller
class TransferSourceController {

	static final String VIEW = "subsidy/payments/source";

	static final String FORM = "transferSourceForm";

	private final SubsidyTransferSources sources;

	TransferSourceController(SubsidyTransferSources sources) {
		this.sources = sources;
	}

	@GetMapping("/admin/subsidy/payments/source")
	String show(StaffActor staff, Model model) {
		model.addAttribute(FORM, TransferSourceForm.of(sources.transferSource(staff)));
		return VIEW;
	}

	@PostMapping("/admin/subsidy/payments/source")
	String save(StaffActor staff, @ModelAttribute(FORM) TransferSourceForm form, BindingResult result) {
		try {
			sources.saveTransferSource(staff, form.source());
		}
		catch (TransferSourceRejected rejected) {
			rejected.problems().forEach((field, key) -> result.rejectValue(field, key));
			return VIEW;
		}
		return "redirect:/admin/subsidy/payments/source?done";
	}

}
