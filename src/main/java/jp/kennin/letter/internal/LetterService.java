package jp.kennin.letter.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.kennin.audit.AuditLog;
import jp.kennin.letter.LetterActor;
import jp.kennin.letter.LetterAuditEvent;
import jp.kennin.letter.LetterCounts;
import jp.kennin.letter.LetterKind;
import jp.kennin.letter.LetterSelection;
import jp.kennin.letter.LetterTexts;
import jp.kennin.letter.Letters;
import jp.kennin.letter.ReturnAddress;
import jp.kennin.platform.DateStyle;
import jp.kennin.platform.KenninProperties;
import jp.kennin.platform.StaffActor;
import jp.kennin.survey.Campaign;
import jp.kennin.survey.Campaigns;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The letter use cases. Printing reads the households in batches and adds one page per
 * household to a document whose contents live in a temporary file, then writes it to the
 * response, all in one read transaction with its audit record.
 */
@Service
class LetterService implements Letters {

	static final String OFFICE_CONTACT = StaffActor.OFFICE_CONTACT;

	private static final Logger log = LoggerFactory.getLogger(LetterService.class);

	/** Letters are printed in Japanese, whatever the staff member's screen language. */
	private static final Locale LETTER_LOCALE = Locale.JAPANESE;

	private final LetterRepository repository;

	private final Campaigns campaigns;

	private final Tenants tenants;

	private final AuditLog audit;

	private final MessageSource messages;

	private final KenninProperties properties;

	private final Clock clock;

	LetterService(LetterRepository repository, Campaigns campaigns, Tenants tenants, AuditLog audit,
			MessageSource messages, KenninProperties properties, Clock clock) {
		this.repository = repository;
		this.campaigns = campaigns;
		this.tenants = tenants;
		this.audit = audit;
		this.messages = messages;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public LetterCounts counts(LetterActor actor, long campaignId) {
		long tenantId = requirePrinter(actor);
		Campaign campaign = campaign(tenantId, campaignId);
		return repository.counts(tenantId, campaignId, campaign.title(), actor.offices());
	}

	@Override
	@Transactional(readOnly = true)
	public long count(LetterActor actor, long campaignId, LetterSelection selection) {
		long tenantId = requirePrinter(actor);
		campaign(tenantId, campaignId);
		return repository.count(tenantId, campaignId, selection, actor.offices());
	}

	@Override
	@Transactional
	public long print(LetterActor actor, long campaignId, LetterSelection selection, OutputStream out)
			throws IOException {
		long tenantId = requirePrinter(actor);
		Campaign campaign = campaign(tenantId, campaignId);
		Tenant tenant = tenants.findById(tenantId).orElseThrow(LetterNotFound::new);
		long started = System.nanoTime();
		LetterPage common = page(tenant, campaign, texts(tenantId, selection.kind()));
		long[] count = { 0 };
		try (LetterPdf pdf = new LetterPdf(common.title(), this::label)) {
			repository.each(tenantId, campaignId, selection, actor.offices(), h -> {
				try {
					pdf.add(common, h);
					count[0]++;
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			Map<String, String> details = new LinkedHashMap<>();
			details.put("kind", selection.kind().name());
			details.put("source", selection.source().name());
			if (selection.officeCode() != null) {
				details.put("office", selection.officeCode());
			}
			if (actor.scoped()) {
				details.put("scope", String.join(",", actor.offices().stream().sorted().toList()));
			}
			details.put("excludeAnswered", String.valueOf(selection.excludeAnswered()));
			details.put("letters", String.valueOf(count[0]));
			StaffActor staff = actor.staff();
			audit.record(new AuditLog.Event(LetterAuditEvent.LETTERS_PRINTED.name(), tenantId, StaffActor.KIND,
					staff.loginId(), staff.role(), "campaign:" + campaignId, staff.ip(), details));
			pdf.save(out);
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		log.info("Campaign {} of tenant {}: {} letters ({}, {}) written in {} ms", campaignId, tenantId, count[0],
				selection.kind(), selection.source(), (System.nanoTime() - started) / 1_000_000);
		return count[0];
	}

	@Override
	@Transactional(readOnly = true)
	public List<LetterTexts> texts(StaffActor actor) {
		long tenantId = requireAdmin(actor);
		List<LetterTexts> all = new ArrayList<>();
		for (LetterKind kind : LetterKind.values()) {
			all.add(texts(tenantId, kind));
		}
		return all;
	}

	@Override
	@Transactional(readOnly = true)
	public ReturnAddress returnAddress(StaffActor actor) {
		return repository.returnAddress(requireAdmin(actor));
	}

	@Override
	@Transactional
	public void updateTexts(StaffActor actor, LetterKind kind, String title, String body) {
		long tenantId = requireAdmin(actor);
		String t = title == null ? "" : title.strip();
		String b = body == null ? "" : body.strip().replace("\r\n", "\n");
		if (t.isEmpty() || b.isEmpty() || t.length() > LetterTexts.TITLE_MAX || b.length() > LetterTexts.BODY_MAX
				|| b.split("\n", -1).length > LetterTexts.BODY_LINES) {
			throw new IllegalArgumentException("letter texts out of bounds");
		}
		repository.saveTexts(tenantId, kind, t, b, clock.instant());
		settingsAudit(actor, tenantId, "letter_text:" + kind.name(), Map.of("action", "UPDATED"));
	}

	@Override
	@Transactional
	public void resetTexts(StaffActor actor, LetterKind kind) {
		long tenantId = requireAdmin(actor);
		repository.deleteTexts(tenantId, kind);
		settingsAudit(actor, tenantId, "letter_text:" + kind.name(), Map.of("action", "RESET"));
	}

	@Override
	@Transactional
	public void updateReturnAddress(StaffActor actor, ReturnAddress address) {
		long tenantId = requireAdmin(actor);
		ReturnAddress clean = new ReturnAddress(blankToNull(address.postalCode()), blankToNull(address.address()));
		if ((clean.postalCode() != null && clean.postalCode().length() > 8)
				|| (clean.address() != null && clean.address().length() > 200)) {
			throw new IllegalArgumentException("return address too long");
		}
		repository.saveReturnAddress(tenantId, clean, clock.instant());
		settingsAudit(actor, tenantId, "letter_setting", Map.of("action", "UPDATED"));
	}

	@Override
	@Transactional(readOnly = true)
	public byte[] samplePdf(StaffActor actor, LetterKind kind) throws IOException {
		long tenantId = requireAdmin(actor);
		Tenant tenant = tenants.findById(tenantId).orElseThrow(LetterNotFound::new);
		LetterTexts texts = texts(tenantId, kind);
		ReturnAddress from = repository.returnAddress(tenantId);
		LetterPage common = new LetterPage(tenant.name(), tenant.code(), from.postalCode(), from.address(),
				label("letter.sample.campaign"), label("letter.sample.deadline"), texts.title(), texts.body(),
				signupUrl(tenant), loginUrl(), desk(tenant));
		LetterHousehold sample = new LetterHousehold("01", "1234", label("letter.sample.name"), null,
				label("letter.sample.postalCode"), label("letter.sample.address1"), label("letter.sample.address2"),
				false);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (LetterPdf pdf = new LetterPdf(texts.title(), this::label)) {
			pdf.add(common, sample);
			pdf.save(out);
		}
		return out.toByteArray();
	}

	@Override
	public byte[] samplePng(StaffActor actor, LetterKind kind) throws IOException {
		byte[] pdf = samplePdf(actor, kind);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 72);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
	}

	private LetterTexts texts(long tenantId, LetterKind kind) {
		return repository.texts(tenantId, kind)
			.map(t -> new LetterTexts(kind, t[0], t[1], true))
			.orElseGet(() -> new LetterTexts(kind, label("letter.default." + kind.name() + ".title"),
					label("letter.default." + kind.name() + ".body"), false));
	}

	private LetterPage page(Tenant tenant, Campaign campaign, LetterTexts texts) {
		ReturnAddress from = repository.returnAddress(tenant.id());
		return new LetterPage(tenant.name(), tenant.code(), from.postalCode(), from.address(), campaign.title(),
				DateStyle.DEADLINE.format(campaign.deadline(), LETTER_LOCALE), texts.title(), texts.body(),
				signupUrl(tenant), loginUrl(), desk(tenant));
	}

	/**
	 * Only a URL, never personal data: the sign-up page with the insurer code filled in.
	 */
	private String signupUrl(Tenant tenant) {
		return base() + "/signup?code=" + tenant.code();
	}

	private String loginUrl() {
		return base() + "/login";
	}

	private String base() {
		String url = properties.baseUrl();
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	private List<String> desk(Tenant tenant) {
		Tenant.SupportDesk d = tenant.supportDesk() == null ? Tenant.SupportDesk.none() : tenant.supportDesk();
		List<String> lines = new ArrayList<>();
		lines.add(d.name() == null || d.name().isBlank() ? tenant.name() : d.name());
		if (d.phone() != null && !d.phone().isBlank()) {
			lines.add(label("letter.pdf.phone") + "　" + d.phone()
					+ (d.hours() == null || d.hours().isBlank() ? "" : "（" + d.hours() + "）"));
		}
		if (d.email() != null && !d.email().isBlank()) {
			lines.add(label("letter.pdf.email") + "　" + d.email());
		}
		if (d.url() != null && !d.url().isBlank()) {
			lines.add(d.url());
		}
		return lines;
	}

	private String label(String key) {
		return messages.getMessage(key, null, LETTER_LOCALE);
	}

	private Campaign campaign(long tenantId, long campaignId) {
		return campaigns.find(tenantId, campaignId).orElseThrow(LetterNotFound::new);
	}

	/**
	 * The insurer's TENANT_ADMIN or REVIEWER for every office; an actor limited to
	 * offices may also be an office contact.
	 */
	private static long requirePrinter(LetterActor actor) {
		StaffActor staff = actor.staff();
		if (actor.scoped()) {
			staff.require(StaffActor.TENANT_ADMIN, StaffActor.REVIEWER, OFFICE_CONTACT);
		}
		else {
			staff.require(StaffActor.TENANT_ADMIN, StaffActor.REVIEWER);
		}
		if (staff.tenantId() == null) {
			throw new AccessDeniedException("letters belong to an insurer's staff");
		}
		// requireTenant() refuses office contacts on purpose; their offices were checked
		// by the office module and narrow every selection here.
		if (actor.scoped() && StaffActor.OFFICE_CONTACT.equals(staff.role())) {
			return staff.requireOfficeContact();
		}
		return staff.requireTenant();
	}

	private static long requireAdmin(StaffActor actor) {
		actor.require(StaffActor.TENANT_ADMIN);
		return actor.requireTenant();
	}

	private void settingsAudit(StaffActor actor, long tenantId, String target, Map<String, String> details) {
		audit.record(new AuditLog.Event(LetterAuditEvent.LETTER_SETTINGS_UPDATED.name(), tenantId, StaffActor.KIND,
				actor.loginId(), actor.role(), target, actor.ip(), details));
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
