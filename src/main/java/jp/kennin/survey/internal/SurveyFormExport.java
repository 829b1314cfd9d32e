package jp.kennin.survey.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jp.kennin.document.Documents;
import jp.kennin.document.StoredDocument;
import jp.kennin.eligibility.EligibilityResult;
import jp.kennin.eligibility.RequiredDocument;
import jp.kennin.survey.Campaign;
import jp.kennin.survey.FormDependent;
import jp.kennin.survey.SurveyForm;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Everything the forms CSV shows of a campaign: the answers, the insured person's name,
 * and per dependent the pre-check's warnings, the required documents not uploaded (書類不足)
 * and what the member chose for them.
 * <p>
 * A campaign may hold tens of thousands of forms, so they are never held at once: the
 * forms are read through a cursor ({@link #BATCH} rows per fetch) and handed on one by
 * one while the rows after them are still being read; their dependents, answers and
 * choices are loaded {@link #BATCH} forms at a time. Memory stays at one batch whatever
 * the campaign's size.
 */
@Component
public class SurveyFormExport {

	/** Forms per fetch and per follow-up query. */
	static final int BATCH = 200;

	private final SurveyFormRepository forms;

	private final AnswerRepository answers;

	private final DocumentChoiceRepository choices;

	private final CampaignRepository campaigns;

	private final EligibilityCheck eligibility;

	private final Documents documents;

	private final JdbcClient jdbc;

	private final JdbcTemplate cursor;

	private final TransactionTemplate readOnly;

	SurveyFormExport(SurveyFormRepository forms, AnswerRepository answers, DocumentChoiceRepository choices,
			CampaignRepository campaigns, EligibilityCheck eligibility, Documents documents, JdbcClient jdbc,
			DataSource dataSource, PlatformTransactionManager transactions) {
		this.forms = forms;
		this.answers = answers;
		this.choices = choices;
		this.campaigns = campaigns;
		this.eligibility = eligibility;
		this.documents = documents;
		this.jdbc = jdbc;
		// PostgreSQL streams a result only with a fetch size, inside a transaction.
		this.cursor = new JdbcTemplate(dataSource);
		this.cursor.setFetchSize(BATCH);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * @param precheck null for a dependent being removed (nothing to pre-check)
	 * @param missing the documents the answers require of which nothing was uploaded, in
	 * the pre-check's order
	 * @param choices what the member chose for missing documents (by post, or cannot with
	 * a reason), in the order chosen; a document uploaded after submission after all is
	 * no longer missing and not listed
	 */
	public record DependentFacts(EligibilityResult precheck, List<RequiredDocument> missing,
			List<DocumentChoice> choices) {
	}

	public record ExportedForm(MemberForm form, String insuredName, Map<Long, DependentFacts> dependents) {

		public DependentFacts facts(long dependentId) {
			return dependents.getOrDefault(dependentId, new DependentFacts(null, List.of(), List.of()));
		}

	}

	/** Receives the forms of an export one by one, e.g. to write each as CSV rows. */
	@FunctionalInterface
	public interface FormWriter {

		void write(ExportedForm form) throws IOException;

	}

	/** Forms to export, read only when written. */
	public interface Forms {

		/** How many forms there are (without reading them). */
		int size();

		/**
		 * Hands each form to {@code writer}, in 記号・番号 order.
		 * @throws IOException what the writer threw (the export stops there)
		 */
		void forEach(FormWriter writer) throws IOException;

	}

	/** A campaign's forms, read only when written (see {@link #forEach}). */
	public final class CampaignForms implements Forms {

		private final long tenantId;

		private final long campaignId;

		private CampaignForms(long tenantId, long campaignId) {
			this.tenantId = tenantId;
			this.campaignId = campaignId;
		}

		/** How many forms the campaign has (one query; the forms are not read). */
		@Override
		public int size() {
			return jdbc.sql("select count(*) from survey_form where tenant_id = ? and campaign_id = ?")
				.params(tenantId, campaignId)
				.query(Integer.class)
				.single();
		}

		/**
		 * Hands each form to {@code writer} in 記号・番号 order while the later ones are still
		 * being read, in one read-only transaction (one consistent view of the campaign).
		 * @throws IOException what the writer threw (the export stops there)
		 */
		@Override
		public void forEach(FormWriter writer) throws IOException {
			try {
				readOnly.executeWithoutResult(status -> stream(tenantId, campaignId, writer));
			}
			catch (UncheckedIOException ex) {
				throw ex.getCause();
			}
		}

	}

	/** The forms of a campaign, to be read when written; nothing is read yet. */
	public CampaignForms campaign(long tenantId, long campaignId) {
		return new CampaignForms(tenantId, campaignId);
	}

	private void stream(long tenantId, long campaignId, FormWriter writer) {
		Campaign campaign = campaigns.find(tenantId, campaignId).orElseThrow(FormNotFound::new);
		List<SurveyForm> batch = new ArrayList<>(BATCH);
		Map<Long, String> names = new LinkedHashMap<>();
		cursor.query("""
				select f.*, p.name as insured_name from survey_form f
				left join roster_person p on p.id = f.insured_person_id and p.tenant_id = f.tenant_id
				where f.tenant_id = ? and f.campaign_id = ? order by f.kigo, f.bango, f.id""", (ResultSet rs) -> {
			SurveyForm form = SurveyFormRepository.map(rs, 0);
			batch.add(form);
			String name = rs.getString("insured_name");
			names.put(form.id(), name == null ? "" : name);
			if (batch.size() == BATCH) {
				write(tenantId, campaign, batch, names, writer);
			}
		}, tenantId, campaignId);
		write(tenantId, campaign, batch, names, writer);
	}

	/**
	 * Loads what the batch's forms need in three queries (plus one per household for its
	 * files), writes, clears.
	 */
	private void write(long tenantId, Campaign campaign, List<SurveyForm> batch, Map<Long, String> names,
			FormWriter writer) {
		List<Long> ids = batch.stream().map(SurveyForm::id).toList();
		var dependents = forms.dependentsOf(tenantId, ids);
		var batchAnswers = answers.forForms(tenantId, ids);
		var batchChoices = choices.forForms(tenantId, ids);
		try {
			for (SurveyForm f : batch) {
				MemberForm form = new MemberForm(f, campaign, dependents.getOrDefault(f.id(), List.of()), batchAnswers);
				List<StoredDocument> household = documents.listForStaff(tenantId, f.kigo(), f.bango());
				List<DocumentChoice> formChoices = batchChoices.getOrDefault(f.id(), List.of());
				Map<Long, DependentFacts> facts = new LinkedHashMap<>();
				for (FormDependent d : form.dependents()) {
					EligibilityResult result = eligibility.evaluate(form, d);
					List<DocumentChoice> own = formChoices.stream()
						.filter(c -> c.dependentId() == d.id() && c.documentAddedAt() == null)
						.toList();
					facts.put(d.id(), new DependentFacts(result, missing(d, result, household), own));
				}
				writer.write(new ExportedForm(form, names.getOrDefault(f.id(), ""), facts));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		batch.clear();
		names.clear();
	}

	/**
	 * Required documents (from the answers) with no file of that slot for the dependent.
	 */
	public static List<RequiredDocument> missing(FormDependent dependent, EligibilityResult result,
			List<StoredDocument> household) {
		if (result == null) {
			return List.of();
		}
		return result.documents()
			.stream()
			.filter(doc -> doc != RequiredDocument.OTHER)
			.filter(doc -> household.stream()
				.noneMatch(f -> doc.code().equals(f.slot()) && f.subjectPersonId() != null
						&& f.subjectPersonId() == dependent.rosterPersonId()))
			.toList();
	}

}
