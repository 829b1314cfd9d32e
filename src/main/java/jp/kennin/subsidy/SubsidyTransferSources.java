package jp.kennin.subsidy;

import jp.kennin.platform.StaffActor;
import jp.kennin.subsidy.SubsidyPayments.TransferSource;
import jp.kennin.subsidy.SubsidyPayments.TransferSourceRejected;

/**
 * 振込元口座の設定: the insurer's own account (委託者) that heads its 全銀 transfer files.
 * TENANT_ADMIN of the insurer only; reading and each change are audited.
 */
public interface SubsidyTransferSources {

	/** The insurer's transfer source, or null when never saved; audited as viewed. */
	TransferSource transferSource(StaffActor actor);

	/**
	 * Saves the transfer source after {@link TransferSource#problems()}; names are stored
	 * converted to half-width kana.
	 * @throws TransferSourceRejected naming each field that is wrong
	 */
	void saveTransferSource(StaffActor actor, TransferSource source);

}
