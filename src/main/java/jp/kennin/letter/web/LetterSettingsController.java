package jp.kennin.letter.web;

import java.io.IOException;
import java.text.Normalizer;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import jp.kennin.letter.LetterKind;
import jp.kennin.letter.LetterTexts;
import jp.kennin.letter.Letters;
import jp.kennin.letter.ReturnAddress;
import jp.kennin.platform.StaffActor;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The insurer's letter settings (TENANT_ADMIN): the return address, the title and body of
 * each kind, and a sample letter as PNG and PDF.
 */
@Controller
class LetterSettingsController {

	private static final String VIEW = "letter/settings";

	private final Letters letters;

	LetterSettingsController(Letters letters) {
		this.letters = letters;
	}

	@GetMapping("/admin/letter-settings")
	String page(StaffActor actor, @RequestParam(defaultValue = "INVITATION") LetterKind kind, Model model) {
		LetterTexts texts = texts(actor, kind);
		LetterTextsForm form = new LetterTextsForm();
		form.setTitle(texts.title());
		form.setBody(texts.body());
		ReturnAddress from = letters.returnAddress(actor);
		ReturnAddressForm address = new ReturnAddressForm();
		address.setPostalCode(from.postalCode());
		address.setAddress(from.address());
		return show(actor, kind, form, address, model);
	}

	@PostMapping("/admin/letter-settings/texts/{kind}")
	String saveTexts(StaffActor actor, @PathVariable LetterKind kind,
			@Valid @ModelAttribute("letterTextsForm") LetterTextsForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (form.getBody() != null && form.getBody().split("\r?\n", -1).length > LetterTexts.BODY_LINES) {
			result.rejectValue("body", "letter.settings.error.bodyLines", new Object[] { LetterTexts.BODY_LINES },
					null);
		}
		if (result.hasErrors()) {
			ReturnAddress from = letters.returnAddress(actor);
			ReturnAddressForm address = new ReturnAddressForm();
			address.setPostalCode(from.postalCode());
			address.setAddress(from.address());
			return show(actor, kind, form, address, model);
		}
		letters.updateTexts(actor, kind, form.getTitle(), form.getBody());
		redirect.addFlashAttribute("flash", "letter.settings.flash.saved");
		return "redirect:/admin/letter-settings?kind=" + kind.name();
	}

	@PostMapping("/admin/letter-settings/texts/{kind}/reset")
	String resetTexts(StaffActor actor, @PathVariable LetterKind kind, RedirectAttributes redirect) {
		letters.resetTexts(actor, kind);
		redirect.addFlashAttribute("flash", "letter.settings.flash.reset");
		return "redirect:/admin/letter-settings?kind=" + kind.name();
	}

	@PostMapping("/admin/letter-settings/return-address")
	String saveReturnAddress(StaffActor actor, @RequestParam(defaultValue = "INVITATION") LetterKind kind,
			@Valid @ModelAttribute("returnAddressForm") ReturnAddressForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			LetterTexts texts = texts(actor, kind);
			LetterTextsForm textsForm = new LetterTextsForm();
			textsForm.setTitle(texts.title());
			textsForm.setBody(texts.body());
			return show(actor, kind, textsForm, form, model);
		}
		letters.updateReturnAddress(actor, new ReturnAddress(postalCode(form.getPostalCode()), form.getAddress()));
		redirect.addFlashAttribute("flash", "letter.settings.flash.saved");
		return "redirect:/admin/letter-settings?kind=" + kind.name();
	}

	@GetMapping("/admin/letter-settings/preview.png")
	void previewPng(StaffActor actor, @RequestParam(defaultValue = "INVITATION") LetterKind kind,
			HttpServletResponse response) throws IOException {
		byte[] png = letters.samplePng(actor, kind);
		response.setContentType("image/png");
		response.getOutputStream().write(png);
	}

	@GetMapping("/admin/letter-settings/preview.pdf")
	void previewPdf(StaffActor actor, @RequestParam(defaultValue = "INVITATION") LetterKind kind,
			HttpServletResponse response) throws IOException {
		byte[] pdf = letters.samplePdf(actor, kind);
		response.setContentType("application/pdf");
		response.setHeader("Content-Disposition", "inline; filename=\"letter-sample.pdf\"");
		response.getOutputStream().write(pdf);
	}

	private String show(StaffActor actor, LetterKind kind, LetterTextsForm form, ReturnAddressForm address,
			Model model) {
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", LetterKind.values());
		model.addAttribute("customised", texts(actor, kind).customised());
		model.addAttribute("letterTextsForm", form);
		model.addAttribute("returnAddressForm", address);
		return VIEW;
	}

	private LetterTexts texts(StaffActor actor, LetterKind kind) {
		return letters.texts(actor).stream().filter(t -> t.kind() == kind).findFirst().orElseThrow();
	}

	/** Full-width digits and dashes as typed become {@code 123-4567}. */
	private static String postalCode(String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		String digits = Normalizer.normalize(typed, Normalizer.Form.NFKC).replaceAll("[^0-9]", "");
		return digits.substring(0, 3) + "-" + digits.substring(3);
	}

}
