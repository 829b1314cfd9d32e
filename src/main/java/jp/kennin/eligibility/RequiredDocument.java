package jp.kennin.eligibility;

import java.util.List;
import java.util.Locale;

/**
 * A document the answers call for (domain.md §3.2). The code is stable: the document
 * module uses it as the upload slot. Texts under {@code eligibility.document.<code>.name}
 * and {@code .explanation}.
 */
public enum RequiredDocument {

	/** 所得証明書（課税・非課税証明書）. */
	INCOME_CERTIFICATE,
	/** 給与明細（直近3か月）または源泉徴収票. */
	SALARY_PROOF,
	/** 労働条件通知書と給与収入のみである旨の申立書 (保保発1001第3号, instead of payslips). */
	LABOUR_CONTRACT,
	/** 在学証明書または学生証の写し. */
	STUDENT_CERTIFICATE,
	/** 年金額改定通知書または年金振込通知書. */
	PENSION_NOTICE,
	/** 確定申告書と収支内訳書（青色決算書）の写し. */
	TAX_RETURN,
	/** 雇用保険受給資格者証の写し. */
	UNEMPLOYMENT_BENEFIT_CERTIFICATE,
	/** 仕送りの証明（振込の控え・通帳の写し）. */
	REMITTANCE_PROOF,
	/** 住民票（世帯全員・続柄記載・マイナンバーなし）. */
	RESIDENCE_CERTIFICATE,
	/** 障害者手帳または障害年金の証書の写し. */
	DISABILITY_PROOF,
	/** 留学: 査証・学生証・在学証明書の写し. */
	ABROAD_STUDY,
	/** 海外赴任に同行: 査証・赴任辞令・海外の住所の証明. */
	ABROAD_ACCOMPANYING,
	/** 一時的な渡航: 査証・派遣機関の証明書. */
	ABROAD_TEMPORARY,
	/** 海外で身分関係が生じた: 出生証明書または婚姻証明書. */
	ABROAD_RELATION,
	/** その他の海外居住: 国内に生活の基礎があることがわかる書類. */
	ABROAD_OTHER,
	/** その他の書類 (always offered as an upload slot; never required by a rule). */
	OTHER;

	public String code() {
		return name();
	}

	public String displayName(Locale locale) {
		return EligibilityTexts.text("eligibility.document." + name() + ".name", locale, List.of());
	}

	public String explanation(Locale locale) {
		return EligibilityTexts.text("eligibility.document." + name() + ".explanation", locale, List.of());
	}

	/** Japanese name, e.g. 「在学証明書または学生証の写し」. */
	public String displayName() {
		return displayName(Locale.JAPANESE);
	}

	public String explanation() {
		return explanation(Locale.JAPANESE);
	}

}
