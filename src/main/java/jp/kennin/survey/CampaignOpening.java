package jp.kennin.survey;

import java.time.Instant;
import java.util.List;

/**
 * What opening a campaign would do, for the confirmation page: the forms it creates and
 * the dependents already surveyed by another open (or scheduled) campaign of the same
 * insurer; and the invitations it queues ({@code invitations}, null when no module sends
 * them).
 */
public record CampaignOpening(Campaign campaign, TargetPreview targets, List<Overlap> overlaps,
		InvitationCounts invitations) {

	public CampaignOpening {
		overlaps = List.copyOf(overlaps);
	}

	public CampaignOpening(Campaign campaign, TargetPreview targets, List<Overlap> overlaps) {
		this(campaign, targets, overlaps, null);
	}

	public long overlappingDependents() {
		return overlaps.stream().mapToLong(Overlap::dependents).sum();
	}

	/**
	 * @param opensAt when the other campaign opens to members
	 * @param scheduled true while that is still ahead (公開予定)
	 * @param dependents how many of this campaign's dependents it already surveys
	 */
	public record Overlap(long campaignId, String title, Instant opensAt, boolean scheduled, long dependents) {
	}

}
