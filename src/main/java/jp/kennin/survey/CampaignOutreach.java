package jp.kennin.survey;

/**
 * Implemented by the module that knows members' accounts and addresses (account), so the
 * survey module can show what opening will send without depending on it. The queuing
 * itself follows {@link CampaignOpened}.
 */
public interface CampaignOutreach {

	/** What opening would queue for these households. */
	InvitationCounts plan(long tenantId, TargetHouseholds households);

}
