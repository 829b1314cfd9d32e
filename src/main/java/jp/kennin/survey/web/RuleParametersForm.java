package jp.kennin.survey.web;

import jp.kennin.eligibility.RuleParameters;

/**
 * A tenant's dated rule parameters as typed (amounts in yen, ages in years).
 */
public class RuleParametersForm {

	private String validFrom = "";

	private String standardLimit = "1300000";

	private String youngAdultLimit = "1500000";

	private String youngAdultMinAge = "19";

	private String youngAdultMaxAge = "22";

	private String seniorLimit = "1800000";

	private String seniorAge = "60";

	private String latterStageAge = "75";

	/** 労働条件通知書による判定の開始日 (yyyy-MM-dd); empty: not applied. */
	private String labourContractFrom = RuleParameters.LABOUR_CONTRACT_RULE_FROM.toString();

	private String contractWeeksPerYear = String.valueOf(RuleParameters.WEEKS_PER_YEAR);

	static RuleParametersForm of(RuleParameters p) {
		RuleParametersForm f = new RuleParametersForm();
		f.standardLimit = String.valueOf(p.standardLimit());
		f.youngAdultLimit = p.youngAdultLimit() == null ? "" : String.valueOf(p.youngAdultLimit());
		f.youngAdultMinAge = String.valueOf(p.youngAdultMinAge());
		f.youngAdultMaxAge = String.valueOf(p.youngAdultMaxAge());
		f.seniorLimit = String.valueOf(p.seniorLimit());
		f.seniorAge = String.valueOf(p.seniorAge());
		f.latterStageAge = String.valueOf(p.latterStageAge());
		f.labourContractFrom = p.labourContractFrom() == null ? "" : p.labourContractFrom().toString();
		f.contractWeeksPerYear = String.valueOf(p.contractWeeksPerYear());
		return f;
	}

	public String getValidFrom() {
		return validFrom;
	}

	public void setValidFrom(String validFrom) {
		this.validFrom = validFrom;
	}

	public String getStandardLimit() {
		return standardLimit;
	}

	public void setStandardLimit(String standardLimit) {
		this.standardLimit = standardLimit;
	}

	public String getYoungAdultLimit() {
		return youngAdultLimit;
	}

	public void setYoungAdultLimit(String youngAdultLimit) {
		this.youngAdultLimit = youngAdultLimit;
	}

	public String getYoungAdultMinAge() {
		return youngAdultMinAge;
	}

	public void setYoungAdultMinAge(String youngAdultMinAge) {
		this.youngAdultMinAge = youngAdultMinAge;
	}

	public String getYoungAdultMaxAge() {
		return youngAdultMaxAge;
	}

	public void setYoungAdultMaxAge(String youngAdultMaxAge) {
		this.youngAdultMaxAge = youngAdultMaxAge;
	}

	public String getSeniorLimit() {
		return seniorLimit;
	}

	public void setSeniorLimit(String seniorLimit) {
		this.seniorLimit = seniorLimit;
	}

	public String getSeniorAge() {
		return seniorAge;
	}

	public void setSeniorAge(String seniorAge) {
		this.seniorAge = seniorAge;
	}

	public String getLatterStageAge() {
		return latterStageAge;
	}

	public void setLatterStageAge(String latterStageAge) {
		this.latterStageAge = latterStageAge;
	}

	public String getLabourContractFrom() {
		return labourContractFrom;
	}

	public void setLabourContractFrom(String labourContractFrom) {
		this.labourContractFrom = labourContractFrom;
	}

	public String getContractWeeksPerYear() {
		return contractWeeksPerYear;
	}

	public void setContractWeeksPerYear(String contractWeeksPerYear) {
		this.contractWeeksPerYear = contractWeeksPerYear;
	}

}
