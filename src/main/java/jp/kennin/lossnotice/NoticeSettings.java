package jp.kennin.lossnotice;

/**
 * The insurer's details printed on the 資格喪失証明書 and the dashboard's cost assumption; every
 * field may be empty.
 *
 * @param insurerNumber 保険者番号 (8 digits)
 * @param insurerAddress 所在地, printed under the insurer's name by the seal area
 * @param annualCostYen the average annual cost of one dependent to the insurer (医療費の保険者負担
 * など), the dashboard's assumption for the estimated cost avoided
 */
public record NoticeSettings(String insurerNumber, String insurerAddress, Long annualCostYen) {

	/** No row yet. */
	public static final NoticeSettings NONE = new NoticeSettings(null, null, null);

}
