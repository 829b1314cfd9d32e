package db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A help-desk reset deletes a member account so that the person can sign up again; the
 * household's influenza subsidy claims must outlive it (they belong to the household, and
 * staff pay them), and the bank account given goes with the account. V122 declared both
 * links without a name and without a delete rule, so their names differ between
 * PostgreSQL and H2: this migration finds them in the JDBC metadata, drops them, and
 * declares them again by name — the claim's link nullable and set to null, the payee
 * account's cascading.
 */
public class V128__subsidy_claim_account_link extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		try (Statement sql = connection.createStatement()) {
			for (String name : foreignKeysToAccounts(connection, "subsidy_claim")) {
				sql.execute("alter table subsidy_claim drop constraint " + name);
			}
			for (String name : foreignKeysToAccounts(connection, "subsidy_payee_account")) {
				sql.execute("alter table subsidy_payee_account drop constraint " + name);
			}
			sql.execute("alter table subsidy_claim alter column member_account_id drop not null");
			sql.execute("alter table subsidy_claim add constraint subsidy_claim_account_fk foreign key "
					+ "(member_account_id) references member_account (id) on delete set null");
			sql.execute("alter table subsidy_payee_account add constraint subsidy_payee_account_fk foreign key "
					+ "(member_account_id) references member_account (id) on delete cascade");
		}
	}

	/** The names of the table's foreign keys that point at member_account. */
	private static List<String> foreignKeysToAccounts(Connection connection, String table) throws SQLException {
		DatabaseMetaData meta = connection.getMetaData();
		String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase() : table;
		List<String> out = new ArrayList<>();
		try (ResultSet keys = meta.getImportedKeys(connection.getCatalog(), connection.getSchema(), name)) {
			while (keys.next()) {
				if ("member_account".equalsIgnoreCase(keys.getString("PKTABLE_NAME"))
						&& !out.contains(keys.getString("FK_NAME"))) {
					out.add(keys.getString("FK_NAME"));
				}
			}
		}
		if (out.isEmpty()) {
			throw new IllegalStateException("no foreign key from " + table + " to member_account found");
		}
		// Names as the database reported them, quoted so that case is kept.
		return out.stream().map(n -> "\"" + n + "\"").toList();
	}

}
