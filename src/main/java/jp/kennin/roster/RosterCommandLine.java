package jp.kennin.roster;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import jp.kennin.platform.CommandLineContext;
import jp.kennin.roster.RosterImports.ImportRequest;
import jp.kennin.roster.RosterImports.ImportResult;
import jp.kennin.roster.RosterImports.Mode;
import jp.kennin.roster.RosterImports.Problem;
import jp.kennin.roster.RosterImports.Source;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar kennin.jar import-roster --tenant=CODE --mode=snapshot|delta [--dry-run] FILE}:
 * imports a roster against the configured database without starting the web server. Exit
 * codes: 0 imported (or validated), 1 the file has errors (nothing applied), 2 wrong
 * arguments or unreadable file, 3 unknown tenant, 4 unexpected failure.
 */
public final class RosterCommandLine {

	public static final String COMMAND = "import-roster";

	static final int OK = 0;

	static final int INVALID_FILE = 1;

	static final int USAGE = 2;

	static final int UNKNOWN_TENANT = 3;

	static final int FAILURE = 4;

	private static final String USAGE_TEXT = "usage: java -jar kennin.jar import-roster --tenant=CODE "
			+ "--mode=snapshot|delta [--dry-run] FILE";

	private RosterCommandLine() {
	}

	/**
	 * Checks the arguments and the file, then starts the application without its web
	 * layer and scheduled jobs ({@link CommandLineContext}), runs the import and returns
	 * the exit code.
	 */
	public static int run(Class<?> application, String[] args) {
		Optional<Arguments> parsed = Arguments.parse(args);
		if (parsed.isEmpty()) {
			System.err.println(USAGE_TEXT);
			return USAGE;
		}
		// Before the database is touched: a typo in the file name should not cost a
		// start-up.
		Optional<String> unreadable = unreadable(parsed.get().file());
		if (unreadable.isPresent()) {
			System.err.println(unreadable.get());
			return USAGE;
		}
		try (ConfigurableApplicationContext context = CommandLineContext.start(application)) {
			return execute(args, context, System.out, System.err);
		}
		catch (RuntimeException ex) {
			System.err.println("起動できませんでした: " + ex.getMessage());
			return FAILURE;
		}
	}

	private static Optional<String> unreadable(Path file) {
		if (!Files.exists(file)) {
			return Optional.of("ファイルがありません: " + file);
		}
		if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
			return Optional.of("ファイルを読めません: " + file);
		}
		return Optional.empty();
	}

	/** Runs the command in a started application context. */
	public static int execute(String[] args, ApplicationContext context, PrintStream out, PrintStream err) {
		Optional<Arguments> parsed = Arguments.parse(args);
		if (parsed.isEmpty()) {
			err.println(USAGE_TEXT);
			return USAGE;
		}
		Arguments a = parsed.get();
		Optional<Tenant> tenant = context.getBean(Tenants.class).findByCode(a.tenant());
		if (tenant.isEmpty()) {
			err.println("保険者指定コード " + a.tenant() + " の保険者がありません。");
			return UNKNOWN_TENANT;
		}
		ImportRequest request = new ImportRequest(tenant.get().id(), a.mode(), Source.CLI,
				a.file().getFileName().toString(), "cli:" + System.getProperty("user.name", "unknown"), null, null,
				a.dryRun());
		ImportResult result;
		try (InputStream in = Files.newInputStream(a.file())) {
			result = context.getBean(RosterImports.class).run(request, in, null);
		}
		catch (NoSuchFileException ex) {
			err.println("ファイルがありません: " + a.file());
			return USAGE;
		}
		catch (IOException ex) {
			err.println("ファイルを読めません: " + a.file() + " (" + ex.getMessage() + ")");
			return USAGE;
		}
		catch (RuntimeException ex) {
			err.println("取り込みに失敗しました。何も反映していません。(" + ex.getClass().getSimpleName() + ")");
			return FAILURE;
		}
		if (!result.valid()) {
			result.errors().stream().map(Problem::text).forEach(err::println);
			err.println("エラー " + result.errorCount() + " 件。何も反映していません。");
			return INVALID_FILE;
		}
		var c = result.counts();
		out.println((result.applied() ? "取り込みました" : "確認のみ（反映していません）") + ": " + c.rows() + "行 / 追加 " + c.added()
				+ "件、更新 " + c.updated() + "件、変更なし " + c.unchanged() + "件、無効化 " + c.deactivated() + "件");
		return OK;
	}

	record Arguments(String tenant, Mode mode, boolean dryRun, Path file) {

		static Optional<Arguments> parse(String[] args) {
			String tenant = null;
			Mode mode = null;
			boolean dryRun = false;
			Path file = null;
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				if (i == 0 && COMMAND.equals(arg)) {
					continue;
				}
				if (arg.startsWith("--tenant=")) {
					tenant = arg.substring("--tenant=".length());
				}
				else if (arg.startsWith("--mode=")) {
					mode = switch (arg.substring("--mode=".length()).toLowerCase(Locale.ROOT)) {
						case "snapshot" -> Mode.SNAPSHOT;
						case "delta" -> Mode.DELTA;
						default -> null;
					};
					if (mode == null) {
						return Optional.empty();
					}
				}
				else if (arg.equals("--dry-run")) {
					dryRun = true;
				}
				else if (arg.startsWith("--") || file != null) {
					return Optional.empty();
				}
				else {
					file = Path.of(arg);
				}
			}
			if (tenant == null || tenant.isBlank() || mode == null || file == null) {
				return Optional.empty();
			}
			return Optional.of(new Arguments(tenant, mode, dryRun, file));
		}

	}

}
