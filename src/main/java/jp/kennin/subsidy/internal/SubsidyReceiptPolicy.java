package jp.kennin.subsidy.internal;

import jp.kennin.document.DocumentChangePolicy;
import jp.kennin.document.DocumentOwner;
import jp.kennin.document.StoredDocument;
import jp.kennin.subsidy.MemberSubsidies;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A claim's receipt files ({@code subsidy-receipt:<claim id>}) belong to the claim: the
 * household adds them while the claim is a draft or returned (差し戻し), and deletes them
 * only from a draft, so what staff saw stays in the claim's record.
 */
@Component
class SubsidyReceiptPolicy implements DocumentChangePolicy {

	private final JdbcClient jdbc;

	SubsidyReceiptPolicy(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean governs(String slot) {
		return slot != null && slot.startsWith(MemberSubsidies.RECEIPT_SLOT);
	}

	@Override
	public boolean mayUpload(DocumentOwner owner, Long subjectPersonId, String slot) {
		String status = status(owner, slot);
		return "DRAFT".equals(status) || "RETURNED".equals(status);
	}

	@Override
	public boolean mayDelete(DocumentOwner owner, StoredDocument document) {
		return "DRAFT".equals(status(owner, document.slot()));
	}

	/** The status of the household's claim the slot names, or null. */
	private String status(DocumentOwner owner, String slot) {
		long claimId;
		try {
			claimId = Long.parseLong(slot.substring(MemberSubsidies.RECEIPT_SLOT.length()));
		}
		catch (NumberFormatException ex) {
			return null;
		}
		return jdbc.sql("select status from subsidy_claim where tenant_id = ? and kigo = ? and bango = ? and id = ?")
			.params(owner.tenantId(), owner.kigo(), owner.bango(), claimId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
