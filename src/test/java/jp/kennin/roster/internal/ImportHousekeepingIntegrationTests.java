package jp.kennin.roster.internal;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.roster.RosterCsv;
import jp.kennin.roster.RosterImports;
import jp.kennin.roster.RosterImports.ImportRequest;
import jp.kennin.roster.RosterImports.Mode;
import jp.kennin.roster.RosterImports.Problem;
import jp.kennin.roster.RosterImports.Source;
import jp.kennin.roster.internal.ImportRecord.Status;
import jp.kennin.storage.FileStorage;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.AopTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Page imports that cannot end by themselves are ended, and their stored files deleted.
 */
@KenninIntegrationTest
class ImportHousekeepingIntegrationTests {

	@Autowired
	ImportHousekeeping housekeeping;

	@Autowired
	RosterImports imports;

	@Autowired
	ImportRecords records;

	@Autowired
	FileStorage storage;

	@Autowired
	Tenants tenants;

	@Autowired
	MutableClock clock;

	Tenant tenant;

	@BeforeEach
	void setUp() {
		clock.setInstant(Instant.parse("2026-05-01T00:00:00Z"));
		tenant = TestTenants.create(tenants, "片付け健保");
	}

	@AfterEach
	void resetTheClock() {
		clock.reset();
	}

	@Test
	void an_import_whose_node_stopped_is_marked_failed_and_its_file_deleted() throws Exception {
		String stalledFile = storage.put(file());
		long stalled = imports.register(request(), stalledFile, 100);
		clock.advance(Duration.ofMinutes(10));
		String aliveFile = storage.put(file());
		long alive = imports.register(request(), aliveFile, 100);
		clock.advance(Duration.ofMinutes(6));
		records.progress(alive, 10, 50);

		job().run();

		ImportRecord failed = records.find(tenant.id(), stalled).orElseThrow();
		assertThat(failed.status()).isEqualTo(Status.FAILED);
		assertThat(failed.finishedAt()).isNotNull();
		assertThat(records.errors(tenant.id(), stalled)).extracting(Problem::message)
			.containsExactly(ImportHousekeeping.STALLED_MESSAGE);
		assertThat(stored(stalledFile)).isFalse();
		assertThat(records.find(tenant.id(), alive).orElseThrow().status()).isEqualTo(Status.VALIDATING);
		assertThat(stored(aliveFile)).isTrue();
	}

	@Test
	void a_checked_import_nobody_confirmed_expires_after_a_day() throws Exception {
		long old = checked();
		String oldFile = records.find(tenant.id(), old).orElseThrow().storageKey();
		clock.advance(Duration.ofHours(20));
		long recent = checked();
		clock.advance(Duration.ofHours(5));

		job().run();

		ImportRecord expired = records.find(tenant.id(), old).orElseThrow();
		assertThat(expired.status()).isEqualTo(Status.EXPIRED);
		assertThat(expired.storageKey()).isNull();
		assertThat(stored(oldFile)).isFalse();
		assertThat(records.find(tenant.id(), recent).orElseThrow().status()).isEqualTo(Status.READY);
		assertThat(records.transition(tenant.id(), old, Status.READY, Status.APPLYING)).isFalse();
	}

	private boolean stored(String key) throws Exception {
		var content = storage.get(key);
		if (content.isPresent()) {
			content.get().close();
		}
		return content.isPresent();
	}

	private long checked() throws Exception {
		String key = storage.put(file());
		long id = imports.register(request(), key, 100);
		assertThat(imports.run(request(), new ByteArrayInputStream(file()), id).valid()).isTrue();
		return id;
	}

	private ImportRequest request() {
		return new ImportRequest(tenant.id(), Mode.SNAPSHOT, Source.PAGE, "roster.csv", "admin", "TENANT_ADMIN", null,
				true);
	}

	private static byte[] file() {
		return RosterCsv.create().insured("01", "h1", "片付 人", "カタヅケ ヒト", "1980/01/01").utf8();
	}

	/**
	 * The job itself, past its cluster lock: each run holds the lock for the rest of its
	 * slot, so a second call through the proxy would be skipped
	 * (ScheduledJobsOncePerSlotIntegrationTests covers the lock).
	 */
	private ImportHousekeeping job() {
		return AopTestUtils.getTargetObject(housekeeping);
	}

}
