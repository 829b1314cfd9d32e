package jp.kennin.survey.internal;

import java.util.List;

import jp.kennin.survey.Campaigns.PersonKey;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A campaign's exclusion list (記号, 番号, 枝番 of dependents not to survey), replaced as a
 * whole.
 */
@Repository
class CampaignExclusions {

	private final JdbcClient jdbc;

	CampaignExclusions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return how many distinct entries the list now holds
	 */
	int replace(long tenantId, long campaignId, List<PersonKey> keys) {
		jdbc.sql("delete from campaign_exclusion where tenant_id = ? and campaign_id = ?")
			.params(tenantId, campaignId)
			.update();
		List<PersonKey> distinct = keys.stream().distinct().toList();
		for (PersonKey key : distinct) {
			jdbc.sql(
					"insert into campaign_exclusion (campaign_id, tenant_id, kigo, bango, edaban) values (?, ?, ?, ?, ?)")
				.params(campaignId, tenantId, key.kigo(), key.bango(), key.edaban())
				.update();
		}
		return distinct.size();
	}

	int count(long tenantId, long campaignId) {
		return jdbc.sql("select count(*) from campaign_exclusion where tenant_id = ? and campaign_id = ?")
			.params(tenantId, campaignId)
			.query(Integer.class)
			.single();
	}

}
