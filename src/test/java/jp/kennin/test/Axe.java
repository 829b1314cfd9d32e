package jp.kennin.test;

import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;

import static org.assertj.core.api.Assertions.fail;

/**
 * Runs axe-core on the current page and fails on any serious or critical violation (WCAG
 * 2.x A/AA rules).
 */
public final class Axe {

	private Axe() {
	}

	public static void check(WebDriver driver) {
		Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
			.analyze(driver);
		List<Rule> serious = results.getViolations()
			.stream()
			.filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
			.toList();
		if (!serious.isEmpty()) {
			fail("Accessibility violations on " + driver.getCurrentUrl() + ":\n"
					+ serious.stream()
						.map(v -> "- [" + v.getImpact() + "] " + v.getId() + ": " + v.getHelp() + " → "
								+ v.getNodes()
									.stream()
									.map(n -> String.valueOf(n.getTarget()))
									.collect(Collectors.joining(", ")))
						.collect(Collectors.joining("\n")));
		}
	}

}
