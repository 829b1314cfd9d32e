package jp.kennin.platform;

import java.util.List;

/**
 * Paths a module serves without login. Each module declares its own as a bean; the member
 * filter chain permits the union, so no module has to edit another module's security
 * configuration.
 */
public record PublicPaths(List<String> patterns) {

	public static PublicPaths of(String... patterns) {
		return new PublicPaths(List.of(patterns));
	}

}
