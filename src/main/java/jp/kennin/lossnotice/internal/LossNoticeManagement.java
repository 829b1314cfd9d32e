package jp.kennin.lossnotice.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jp.kennin.audit.AuditLog;
import jp.kennin.lossnotice.LossNoticeAuditEvent;
import jp.kennin.lossnotice.LossNotices;
import jp.kennin.lossnotice.NoticeKind;
import jp.kennin.lossnotice.NoticeSettings;
import jp.kennin.platform.HouseholdScopedPrincipal;
import jp.kennin.platform.JapanTime;
import jp.kennin.platform.PdfFlow;
import jp.kennin.platform.StaffActor;
import jp.kennin.review.ReviewActor;
import jp.kennin.survey.Campaign;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.FormOutcomes;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The removal notices' use cases. Ownership is part of every query (tenant, and for a
 * member the household), so a document of someone else is simply not found.
 */
@Service
class LossNoticeManagement implements LossNotices, FormOutcomes {

	private final RemovalRepository removals;

	private final NoticeSettingRepository settings;

	private final Tenants tenants;

	private final Campaigns campaigns;

	private final AuditLog audit;

	private final MessageSource messages;

	private final Clock clock;

	private final TransactionTemplate transaction;

	LossNoticeManagement(RemovalRepository removals, NoticeSettingRepository settings, Tenants tenants,
			Campaigns campaigns, AuditLog audit, MessageSource messages, Clock clock,
			PlatformTransactionManager transactions) {
		this.removals = removals;
		this.settings = settings;
		this.tenants = tenants;
		this.campaigns = campaigns;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setReadOnly(false);
	}

	@Override
	@Transactional(readOnly = true)
	public List<FormOutcomes.Removal> removals(HouseholdScopedPrincipal member, long formId, Locale locale) {
		return ownRemovals(member, formId).stream()
			.map(r -> new FormOutcomes.Removal(r.dependentId(), r.name(), r.lossDate(),
					r.reason() == null ? ""
							: messages.getMessage("review.lossReason." + r.reason().name(), null, locale),
					memberUrl(r, NoticeKind.NOTICE), memberUrl(r, NoticeKind.CERTIFICATE)))
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Pdf forMember(HouseholdScopedPrincipal member, long formId, long dependentId, NoticeKind kind) {
		FinalRemoval removal = ownRemovals(member, formId).stream()
			.filter(r -> r.dependentId() == dependentId)
			.findFirst()
			.orElseThrow(NoticeNotFound::new);
		return pdf(member.tenantId(), removal, kind);
	}

	@Override
	@Transactional
	public Pdf forStaff(ReviewActor actor, long formId, long dependentId, NoticeKind kind) {
		requireStaff(actor);
		FinalRemoval removal = removals.ofForm(actor.tenantId(), formId)
			.stream()
			.filter(r -> r.dependentId() == dependentId)
			.findFirst()
			.orElseThrow(NoticeNotFound::new);
		Pdf pdf = pdf(actor.tenantId(), removal, kind);
		Map<String, String> details = new LinkedHashMap<>();
		details.put("edaban", removal.edaban());
		details.put("kind", kind.slug());
		record(LossNoticeAuditEvent.LOSS_NOTICE_DOWNLOADED, actor, "survey_form:" + formId, details);
		return pdf;
	}

	@Override
	public Bundle campaignBundle(ReviewActor actor, long campaignId, BundleFormat format) {
		requireStaff(actor);
		Campaign campaign = campaigns.find(actor.tenantId(), campaignId).orElseThrow(NoticeNotFound::new);
		String name = campaign.title() + "_被扶養者削除のお知らせ・資格喪失証明書";
		return format == BundleFormat.PDF
				? new Bundle(name + ".pdf", "application/pdf", out -> write(actor, campaignId, format, out))
				: new Bundle(name + ".zip", "application/zip", out -> write(actor, campaignId, format, out));
	}

	@Override
	@Transactional(readOnly = true)
	public NoticeSettings settings(long tenantId) {
		return settings.find(tenantId);
	}

	@Override
	@Transactional(readOnly = true)
	public NoticeSettings settingsForEditing(ReviewActor actor) {
		requireAdmin(actor);
		return settings.find(actor.tenantId());
	}

	@Override
	@Transactional
	public void changeSettings(ReviewActor actor, NoticeSettings changed) {
		requireAdmin(actor);
		String number = blankToNull(changed.insurerNumber());
		if (number != null && !number.matches("[0-9]{8}")) {
			throw new IllegalArgumentException("insurer number must be 8 digits");
		}
		if (changed.annualCostYen() != null && changed.annualCostYen() < 0) {
			throw new IllegalArgumentException("cost must not be negative");
		}
		NoticeSettings saved = new NoticeSettings(number, blankToNull(changed.insurerAddress()),
				changed.annualCostYen());
		settings.save(actor.tenantId(), saved, clock.instant());
		Map<String, String> details = new LinkedHashMap<>();
		details.put("insurerNumber", String.valueOf(saved.insurerNumber()));
		details.put("insurerAddress", saved.insurerAddress() == null ? "null" : "set");
		details.put("annualCostYen", String.valueOf(saved.annualCostYen()));
		record(LossNoticeAuditEvent.NOTICE_SETTINGS_CHANGED, actor, "notice_settings", details);
	}

	/** The member's own form's final removals, once the form is 確認完了. */
	private List<FinalRemoval> ownRemovals(HouseholdScopedPrincipal member, long formId) {
		return removals.ofForm(member.tenantId(), formId)
			.stream()
			.filter(r -> r.formCompleted() && r.kigo().equals(member.kigo()) && r.bango().equals(member.bango()))
			.toList();
	}

	/**
	 * Reads, renders and writes the campaign's documents in one transaction, which also
	 * records the download with the number of dependents written (and complete=false if
	 * the client went away midway: those documents have left the server).
	 */
	private void write(ReviewActor actor, long campaignId, BundleFormat format, OutputStream out) throws IOException {
		NoticePdfs pdfs = renderer(actor.tenantId());
		IOException failed = transaction.execute(status -> {
			int[] written = { 0 };
			try {
				if (format == BundleFormat.PDF) {
					try (PdfFlow flow = new PdfFlow(PdfFlow.bundledFont(), "被扶養者削除のお知らせ・資格喪失証明書")) {
						removals.streamCampaign(actor.tenantId(), campaignId, r -> {
							try {
								if (written[0] > 0) {
									flow.pageBreak();
								}
								pdfs.draw(flow, r, NoticeKind.NOTICE);
								flow.pageBreak();
								pdfs.draw(flow, r, NoticeKind.CERTIFICATE);
								written[0]++;
							}
							catch (IOException ex) {
								throw new UncheckedIOException(ex);
							}
						});
						out.write(flow.toBytes());
					}
				}
				else {
					ZipOutputStream zip = new ZipOutputStream(out);
					removals.streamCampaign(actor.tenantId(), campaignId, r -> {
						try {
							for (NoticeKind kind : NoticeKind.values()) {
								zip.putNextEntry(new ZipEntry(entryName(r, kind)));
								zip.write(pdfs.render(r, kind));
								zip.closeEntry();
							}
							written[0]++;
						}
						catch (IOException ex) {
							throw new UncheckedIOException(ex);
						}
					});
					zip.finish();
				}
				bulkRecord(actor, campaignId, format, written[0], true);
				return null;
			}
			catch (IOException ex) {
				bulkRecord(actor, campaignId, format, written[0], false);
				return ex;
			}
			catch (UncheckedIOException ex) {
				bulkRecord(actor, campaignId, format, written[0], false);
				return ex.getCause();
			}
		});
		if (failed != null) {
			throw failed;
		}
	}

	private void bulkRecord(ReviewActor actor, long campaignId, BundleFormat format, int dependents, boolean complete) {
		Map<String, String> details = new LinkedHashMap<>();
		details.put("dependents", String.valueOf(dependents));
		details.put("format", format.name().toLowerCase(Locale.ROOT));
		if (!complete) {
			details.put("complete", "false");
		}
		record(LossNoticeAuditEvent.LOSS_NOTICES_BULK_DOWNLOADED, actor, "campaign:" + campaignId, details);
	}

	/** e.g. 01-t011-02_資格喪失証明書.pdf: one name per dependent and document. */
	static String entryName(FinalRemoval r, NoticeKind kind) {
		return safe(r.kigo()) + "-" + safe(r.bango()) + "-" + safe(r.edaban()) + "_" + kind.title() + ".pdf";
	}

	private static String safe(String part) {
		return part.replaceAll("[^0-9A-Za-z]", "_");
	}

	private Pdf pdf(long tenantId, FinalRemoval removal, NoticeKind kind) {
		try {
			byte[] bytes = renderer(tenantId).render(removal, kind);
			return new Pdf(kind.title() + "_" + removal.name() + ".pdf", bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private NoticePdfs renderer(long tenantId) {
		Tenant tenant = tenants.findById(tenantId).orElseThrow(NoticeNotFound::new);
		LocalDate today = JapanTime.today(clock);
		return new NoticePdfs(messages, tenant, settings.find(tenantId), today);
	}

	private static void requireAdmin(ReviewActor actor) {
		if (!actor.tenantAdmin()) {
			throw new AccessDeniedException("only the insurer's administrators change its notice settings");
		}
	}

	private static void requireStaff(ReviewActor actor) {
		if (!actor.mayReview()) {
			throw new AccessDeniedException("only the insurer's reviewers and administrators print removal notices");
		}
	}

	private void record(LossNoticeAuditEvent type, ReviewActor actor, String target, Map<String, String> details) {
		audit.record(new AuditLog.Event(type.name(), actor.tenantId(), StaffActor.KIND, actor.loginId(), actor.role(),
				target, actor.ip(), details));
	}

	private static String memberUrl(FinalRemoval r, NoticeKind kind) {
		return "/survey/" + r.formId() + "/notices/" + r.dependentId() + "/" + kind.slug() + ".pdf";
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
