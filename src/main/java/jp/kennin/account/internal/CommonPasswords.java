package jp.kennin.account.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The bundled list of commonly used passwords ({@code account/common-passwords.txt}). A
 * password is common if it is on the list, or is a listed word with digits and symbols
 * around it ("Password1!", "!qwerty2024"), since that is how such passwords are usually
 * "strengthened".
 */
public final class CommonPasswords {

	static final String RESOURCE = "/account/common-passwords.txt";

	private static final Set<String> WORDS = load();

	private CommonPasswords() {
	}

	public static boolean isCommon(String password) {
		String lower = password.toLowerCase(Locale.ROOT);
		if (WORDS.contains(lower)) {
			return true;
		}
		String core = lower.replaceAll("^[^a-z]+", "").replaceAll("[^a-z]+$", "");
		return core.length() >= 4 && WORDS.contains(core);
	}

	static int size() {
		return WORDS.size();
	}

	private static Set<String> load() {
		Set<String> words = new HashSet<>();
		try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + RESOURCE);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line; (line = reader.readLine()) != null;) {
				String word = line.strip();
				if (!word.isEmpty() && !word.startsWith("#")) {
					words.add(word.toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(words);
	}

}
