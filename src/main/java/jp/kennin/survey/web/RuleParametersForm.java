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

	/** 労働条件通知書による判定: "yes", "no", or empty for the law (on from 2026-04-01). */
	private String labourContractRule = "";

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
		f.labourContractRule = p.labourContractRule() ? "yes" : "no";
		f.contractWeeksPerYear = String.valueOf(p.contractWeeksPerYear());
		return f;
	}

	public String getValidFrom() { return validFrom; }
	public void setValidFrom(String validFrom) { this.validFrom = validFrom; }
	public String getStandardLimit() { return standardLimit; }
	public void setStandardLimit(String standardLimit) { this.standardLimit = standardLimit; }
	public String getYoungAdultLimit() { return youngAdultLimit; }
	public void setYoungAdultLimit(String youngAdultLimit) { this.youngAdultLimit = youngAdultLimit; }
	public String getYoungAdultMinAge() { return youngAdultMinAge; }
	public void setYoungAdultMinAge(String youngAdultMinAge) { this.youngAdultMinAge = youngAdultMinAge; }
	public String getYoungAdultMaxAge() { return youngAdultMaxAge; }
	public void setYoungAdultMaxAge(String youngAdultMaxAge) { this.youngAdultMaxAge = youngAdultMaxAge; }
	public String getSeniorLimit() { return seniorLimit; }
	public void setSeniorLimit(String seniorLimit) { this.seniorLimit = seniorLimit; }
	public String getSeniorAge() { return seniorAge; }
	public void setSeniorAge(String seniorAge) { this.seniorAge = seniorAge; }
	public String getLatterStageAge() { return latterStageAge; }
	public void setLatterStageAge(String latterStageAge) { this.latterStageAge = latterStageAge; }
	public String getLabourContractRule() { return labourContractRule; }
	public void setLabourContractRule(String labourContractRule) { this.labourContractRule = labourContractRule; }
	public String getContractWeeksPerYear() { return contractWeeksPerYear; }
	public void setContractWeeksPerYear(String contractWeeksPerYear) { this.contractWeeksPerYear = contractWeeksPerYear; }

}
