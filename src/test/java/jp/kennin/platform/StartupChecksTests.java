package jp.kennin.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
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
	void production_settings_without_an_smtp_host_do_not_start() {
		MockEnvironment postgres = new MockEnvironment().withProperty("kennin.data-dir", tmp.toString())
			.withProperty("spring.datasource.url", "jdbc:postgresql://db/kennin")
			.withProperty("kennin.secret-key", "k".repeat(32));
		MockEnvironment https = embedded().withProperty("kennin.base-url", "https://kennin.example.jp");
		MockEnvironment explicitKey = embedded().withProperty("kennin.secret-key", "k".repeat(32));
		for (MockEnvironment env : new MockEnvironment[] { postgres, https, explicitKey }) {
			assertThatThrownBy(() -> checks.postProcessEnvironment(env, new SpringApplication()))
				.isInstanceOf(StartupProblem.class)
				.hasMessageStartingWith("No SMTP host is set (spring.mail.host)")
				.satisfies(ex -> {
					FailureAnalysis analysis = new StartupProblemFailureAnalyzer().analyze(ex);
					assertThat(analysis.getDescription()).doesNotContain("\n");
					assertThat(analysis.getAction()).contains("SPRING_MAIL_HOST").contains("KENNIN_MAIL_CAPTURE=off");
				});
		}
	}

	@Test
	void mail_is_captured_only_in_the_embedded_demo_setup() {
		MockEnvironment demo = embedded();
		checks.postProcessEnvironment(demo, new SpringApplication());
		assertThat(demo.getProperty(StartupChecks.MAIL_CAPTURING)).isEqualTo("true");

		MockEnvironment smtp = embedded().withProperty("spring.mail.host", "smtp.example.jp");
		checks.postProcessEnvironment(smtp, new SpringApplication());
		assertThat(smtp.getProperty(StartupChecks.MAIL_CAPTURING)).isEqualTo("false");

		MockEnvironment production = new MockEnvironment().withProperty("kennin.data-dir", tmp.toString())
			.withProperty("spring.datasource.url", "jdbc:postgresql://db/kennin")
			.withProperty("kennin.secret-key", "k".repeat(32))
			.withProperty("spring.mail.host", "smtp.example.jp");
		checks.postProcessEnvironment(production, new SpringApplication());
		assertThat(production.getProperty(StartupChecks.MAIL_CAPTURING)).isEqualTo("false");
	}

	@Test
	void a_user_set_capturing_flag_is_overridden_by_the_decision() {
		MockEnvironment env = new MockEnvironment().withProperty("kennin.data-dir", tmp.toString())
			.withProperty("spring.datasource.url", "jdbc:postgresql://db/kennin")
			.withProperty("kennin.secret-key", "k".repeat(32))
			.withProperty("kennin.mail.capture", "off")
			.withProperty(StartupChecks.MAIL_CAPTURING, "true");
		checks.postProcessEnvironment(env, new SpringApplication());
		assertThat(env.getProperty(StartupChecks.MAIL_CAPTURING)).isEqualTo("false");
	}

	@Test
	void capture_off_runs_production_without_smtp_and_captures_nothing() {
		MockEnvironment env = new MockEnvironment().withProperty("kennin.data-dir", tmp.toString())
			.withProperty("spring.datasource.url", "jdbc:postgresql://db/kennin")
			.withProperty("kennin.secret-key", "k".repeat(32))
			.withProperty("kennin.mail.capture", "off");
		checks.postProcessEnvironment(env, new SpringApplication());
		assertThat(env.getProperty(StartupChecks.MAIL_CAPTURING)).isEqualTo("false");
	}

	@Test
	void capture_on_is_an_explicit_opt_in_that_captures_whenever_smtp_is_missing() {
		MockEnvironment env = new MockEnvironment().withProperty("kennin.data-dir", tmp.toString())
			.withProperty("spring.datasource.url", "jdbc:postgresql://db/kennin")
			.withProperty("kennin.secret-key", "k".repeat(32))
			.withProperty("kennin.mail.capture", "on");
		checks.postProcessEnvironment(env, new SpringApplication());
		assertThat(env.getProperty(StartupChecks.MAIL_CAPTURING)).isEqualTo("true");
	}

	@Test
	void a_command_without_a_web_server_sends_no_mail_and_runs_without_smtp() {
		MockEnvironment env = new MockEnvironment().withProperty("kennin.data-dir", tmp.toString())
			.withProperty("spring.datasource.url", "jdbc:postgresql://db/kennin")
			.withProperty("kennin.secret-key", "k".repeat(32));
		SpringApplication command = new SpringApplication();
		command.setWebApplicationType(WebApplicationType.NONE);
		checks.postProcessEnvironment(env, command);
		assertThat(env.getProperty(StartupChecks.MAIL_CAPTURING)).isEqualTo("false");
	}

	@Test
	void an_unknown_capture_setting_is_refused() {
		MockEnvironment env = embedded().withProperty("kennin.mail.capture", "yes");
		assertThatThrownBy(() -> checks.postProcessEnvironment(env, new SpringApplication()))
			.isInstanceOf(StartupProblem.class)
			.hasMessageContaining("kennin.mail.capture");
	}

	/**
	 * What {@code java -jar kennin.jar} has by default: the embedded file database, http,
	 * no key.
	 */
	private MockEnvironment embedded() {
		return new MockEnvironment().withProperty("kennin.data-dir", tmp.toString())
			.withProperty("spring.datasource.url", "jdbc:h2:file:./x")
			.withProperty("kennin.base-url", "http://localhost:8080");
	}

	@Test
	void an_unreachable_database_is_explained() {
		FailureAnalysis analysis = new DatabaseUnavailableFailureAnalyzer()
			.analyze(new RuntimeException(new SQLException("Connection refused", "08001")));
		assertThat(analysis.getDescription()).contains("データベースに接続できません");
		assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL");
	}

}
