package jp.kennin.eligibility;

/**
 * How the monthly remittance (仕送り) is paid. Only traceable methods count as proof; cash
 * does not.
 */
public enum RemittanceMethod {

	/** 振込 (bank or postal transfer). */
	TRANSFER,
	/** 現金書留 (registered cash mail: leaves a record). */
	REGISTERED_MAIL,
	/** 手渡し (cash handed over: not accepted as proof). */
	CASH, OTHER

}
