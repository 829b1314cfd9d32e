package jp.kennin.eligibility;

/** 職業・状況; a dependent may have several. */
public enum Occupation {

	/** 学生 (with school and grade). */
	STUDENT,
	/** 無職. */
	UNEMPLOYED,
	/** パート・アルバイト. */
	PART_TIME,
	/** 会社員. */
	EMPLOYEE,
	/** 自営業. */
	SELF_EMPLOYED,
	/** 年金受給. */
	PENSIONER,
	/** 雇用保険受給中. */
	UNEMPLOYMENT_BENEFIT,
	/** その他. */
	OTHER

}
