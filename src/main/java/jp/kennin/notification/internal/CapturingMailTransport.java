package jp.kennin.notification.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Development transport: writes each mail as an .eml file instead of sending it. The dev
 * mailbox page lists these files, so the folder is the single source of truth and works
 * across nodes sharing it.
 */
class CapturingMailTransport implements MailTransport {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
		.withZone(ZoneOffset.UTC);

	private static final Pattern FILE_NAME = Pattern.compile("\\d{8}T\\d{6}-\\d+\\.eml");

	private final Path dir;

	private final Session session = Session.getInstance(new Properties());

	CapturingMailTransport(Path dir) {
		this.dir = dir;
	}

	@Override
	public void send(OutboxMail mail) throws Exception {
		Files.createDirectories(dir);
		MimeMessage message = MimeMessages.build(session, mail, "kennin.local");
		message.saveChanges();
		String name = STAMP.format(Instant.now()) + "-" + mail.id() + ".eml";
		Path tmp = Files.createTempFile(dir, "mail", ".tmp");
		try (OutputStream out = Files.newOutputStream(tmp)) {
			message.writeTo(out);
		}
		Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	/** Captured file names, newest first. */
	List<String> list() throws IOException {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			List<String> names = new ArrayList<>(
					files.map(p -> p.getFileName().toString()).filter(n -> FILE_NAME.matcher(n).matches()).toList());
			names.sort(Comparator.comparing(CapturingMailTransport::sortKey).reversed());
			return names;
		}
	}

	Optional<MimeMessage> read(String name) throws Exception {
		if (!FILE_NAME.matcher(name).matches() || !Files.exists(dir.resolve(name))) {
			return Optional.empty();
		}
		try (InputStream in = Files.newInputStream(dir.resolve(name))) {
			return Optional.of(new MimeMessage(session, in));
		}
	}

	private static String sortKey(String name) {
		String[] parts = name.substring(0, name.length() - 4).split("-");
		return parts[0] + String.format("%019d", Long.parseLong(parts[1]));
	}

}
