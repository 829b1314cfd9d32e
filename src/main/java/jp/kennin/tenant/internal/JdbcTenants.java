package jp.kennin.tenant.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jp.kennin.platform.ReadCache;
import jp.kennin.tenant.PasswordPolicyPreset;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.TenantCode;
import jp.kennin.tenant.Tenants;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

@Repository
@Transactional(readOnly = true)
class JdbcTenants implements Tenants {

	private static final String COLUMNS = "id, code, name, mail_from_address, mail_from_name, support_phone, "
			+ "support_hours, support_email, support_url, support_name, password_policy, member_number_guidance";

	private final JdbcClient jdbc;

	private final Clock clock;

	/**
	 * Insurers by id: every member page reads its insurer (header, support desk) and
	 * staff change its row rarely.
	 */
	private final ReadCache<Long, Optional<Tenant>> byId;

	JdbcTenants(JdbcClient jdbc, Clock clock, @Value(ReadCache.TTL) Duration cacheTtl) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.byId = ReadCache.of(cacheTtl, 1000);
	}

	@Override
	public Optional<Tenant> findById(long id) {
		return byId.get(id,
				k -> jdbc.sql("select " + COLUMNS + " from tenant where id = ?")
					.param(k)
					.query(JdbcTenants::map)
					.optional());
	}

	@Override
	public Optional<Tenant> findByCode(String code) {
		return jdbc.sql("select " + COLUMNS + " from tenant where code = ?")
			.param(TenantCode.normalize(code))
			.query(JdbcTenants::map)
			.optional();
	}

	@Override
	public List<Tenant> findAll() {
		return jdbc.sql("select " + COLUMNS + " from tenant order by code").query(JdbcTenants::map).list();
	}

	@Override
	@Transactional
	public Tenant create(NewTenant t) {
		Assert.notNull(t, "tenant must not be null!");
		if (!TenantCode.isValid(t.code())) {
			throw new IllegalArgumentException("malformed tenant code: " + t.code());
		}
		if (findByCode(t.code()).isPresent()) {
			throw new IllegalArgumentException("tenant code already used: " + t.code());
		}
		Timestamp now = Timestamp.from(clock.instant());
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into tenant (code, name, mail_from_address, mail_from_name, support_name, support_phone,
				  support_hours, support_email, support_url, password_policy, member_number_guidance, created_at,
				  updated_at)
				values (:code, :name, :fromAddress, :fromName, :deskName, :phone, :hours, :email, :url, :policy,
				  :guidance, :now, :now)""")
			.param("code", t.code())
			.param("name", t.name())
			.param("fromAddress", t.mailFromAddress())
			.param("fromName", t.mailFromName())
			.param("deskName", t.supportDesk().name())
			.param("phone", t.supportDesk().phone())
			.param("hours", t.supportDesk().hours())
			.param("email", t.supportDesk().email())
			.param("url", t.supportDesk().url())
			.param("policy", t.passwordPolicy().name())
			.param("guidance", t.memberNumberGuidance())
			.param("now", now)
			.update(keys, "id");
		return findById(keys.getKey().longValue()).orElseThrow();
	}

	@Override
	@Transactional
	public Tenant update(long id, NewTenant t) {
		byId.invalidate();
		jdbc.sql("""
				update tenant set name = :name, mail_from_address = :fromAddress, mail_from_name = :fromName,
				  support_name = :deskName, support_phone = :phone, support_hours = :hours, support_email = :email,
				  support_url = :url, password_policy = :policy, member_number_guidance = :guidance, updated_at = :now
				where id = :id""")
			.param("name", t.name())
			.param("fromAddress", t.mailFromAddress())
			.param("fromName", t.mailFromName())
			.param("deskName", t.supportDesk().name())
			.param("phone", t.supportDesk().phone())
			.param("hours", t.supportDesk().hours())
			.param("email", t.supportDesk().email())
			.param("url", t.supportDesk().url())
			.param("policy", t.passwordPolicy().name())
			.param("guidance", t.memberNumberGuidance())
			.param("now", Timestamp.from(clock.instant()))
			.param("id", id)
			.update();
		return findById(id).orElseThrow();
	}

	private static Tenant map(ResultSet rs, int row) throws SQLException {
		return new Tenant(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				rs.getString("mail_from_address"), rs.getString("mail_from_name"),
				new Tenant.SupportDesk(rs.getString("support_name"), rs.getString("support_phone"),
						rs.getString("support_hours"), rs.getString("support_email"), rs.getString("support_url")),
				PasswordPolicyPreset.valueOf(rs.getString("password_policy")), rs.getString("member_number_guidance"));
	}

}
