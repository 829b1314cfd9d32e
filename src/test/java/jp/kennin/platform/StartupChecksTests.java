package jp.kennin.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class StartupChecksTests {

	@TempDir
	Path tmp;

	private final StartupChecks checks = new StartupChecks();

	@Test
	void a_data_directory_that_cannot_be_created_stops_startup_with_one_clear_message() throws Exception {
		Path file = Files.writeString(tmp.resolve("not-a-directory"), "x");
		MockEnvironment env = new MockEnvironment().withProperty("kennin.data-dir", file.resolve("data").toString())
			.withProperty("spring.datasource.url", "jdbc:h2:file:./x");
		assertThatThrownBy(() -> checks.postProcessEnvironment(env, new SpringApplication()))
			.isInstanceOf(StartupProblem.class)
			.hasMessageContaining("cannot be created or written")
			.satisfies(ex -> {
				FailureAnalysis analysis = new StartupProblemFailureAnalyzer().analyze(ex);
				assertThat(analysis.getAction()).contains("KENNIN_DATA_DIR");
			});
	}

	@Test
	void the_embedded_setup_generates_a_secret_key_once_and_keeps_it() {
		MockEnvironment first = new MockEnvironment().withProperty("kennin.data-dir", tmp.toString())
			.withProperty("spring.datasource.url", "jdbc:h2:file:./x");
		checks.postProcessEnvironment(first, new SpringApplication());
		MockEnvironment second = new MockEnvironment().withProperty("kennin.data-dir", tmp.toString())
			.withProperty("spring.datasource.url", "jdbc:h2:file:./x");
		checks.postProcessEnvironment(second, new SpringApplication());
		assertThat(first.getProperty("kennin.secret-key")).hasSizeGreaterThanOrEqualTo(32)
			.isEqualTo(second.getProperty("kennin.secret-key"));
	}

	@Test
	void the_generated_secret_key_file_is_readable_by_its_owner_only() throws Exception {
		assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
		MockEnvironment env = new MockEnvironment().withProperty("kennin.data-dir", tmp.toString())
			.withProperty("spring.datasource.url", "jdbc:h2:file:./x");
		checks.postProcessEnvironment(env, new SpringApplication());
		assertThat(Files.getPosixFilePermissions(tmp.resolve("secret.key")))
			.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
		assertThat(Files.readString(tmp.resolve("secret.key")).trim()).isEqualTo(env.getProperty("kennin.secret-key"));
	}

	@Test
	void a_secret_key_file_left_readable_by_others_is_narrowed_to_its_owner() throws Exception {
		assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
		Path file = Files.writeString(tmp.resolve("secret.key"), "k".repeat(44));
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		MockEnvironment env = new MockEnvironment().withProperty("kennin.data-dir", tmp.toString())
			.withProperty("spring.datasource.url", "jdbc:h2:file:./x");
		checks.postProcessEnvironment(env, new SpringApplication());
		assertThat(env.getProperty("kennin.secret-key")).isEqualTo("k".repeat(44));
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	@Test
	void an_empty_secret_key_file_stops_startup_instead_of_running_without_a_key() throws Exception {
		Files.writeString(tmp.resolve("secret.key"), "\n");
		MockEnvironment env = new MockEnvironment().withProperty("kennin.data-dir", tmp.toString())
			.withProperty("spring.datasource.url", "jdbc:h2:file:./x");
		assertThatThrownBy(() -> checks.postProcessEnvironment(env, new SpringApplication()))
			.isInstanceOf(StartupProblem.class)
			.hasMessageContaining("secret.key");
	}

	@Test
	void production_without_a_secret_key_does_not_start() {
		MockEnvironment env = new MockEnvironment().withProperty("kennin.data-dir", tmp.toString())
			.withProperty("spring.datasource.url", "jdbc:postgresql://db/kennin")
			.withProperty("kennin.storage.type", "s3");
		assertThatThrownBy(() -> checks.postProcessEnvironment(env, new SpringApplication()))
			.isInstanceOf(StartupProblem.class)
			.hasMessageContaining("secret-key");
	}

	@Test
	void a_short_secret_key_is_refused() {
		MockEnvironment env = new MockEnvironment().withProperty("kennin.data-dir", tmp.toString())
			.withProperty("spring.datasource.url", "jdbc:postgresql://db/kennin")
			.withProperty("kennin.secret-key", "too-short");
		assertThatThrownBy(() -> checks.postProcessEnvironment(env, new SpringApplication()))
			.isInstanceOf(StartupProblem.class)
			.hasMessageContaining("shorter than 32 bytes");
	}

	@Test
	void an_unreachable_database_is_explained() {
		FailureAnalysis analysis = new DatabaseUnavailableFailureAnalyzer()
			.analyze(new RuntimeException(new java.sql.SQLException("Connection refused", "08001")));
		assertThat(analysis.getDescription()).contains("データベースに接続できません");
		assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL");
	}

}
