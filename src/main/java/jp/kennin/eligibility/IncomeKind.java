package jp.kennin.eligibility;

/** Kinds of expected annual income (年間収入見込額の内訳). */
public enum IncomeKind {

	/** 給与 (gross, including commuting allowance). */
	SALARY,
	/** 年金 (all kinds, before tax). */
	PENSION,
	/** 事業 (sales minus direct expenses, not the tax 所得). */
	BUSINESS,
	/** 雇用保険. */
	UNEMPLOYMENT_BENEFIT,
	/** その他. */
	OTHER

}
