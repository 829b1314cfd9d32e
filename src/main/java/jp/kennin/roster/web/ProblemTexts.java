package jp.kennin.roster.web;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.kennin.roster.RosterImports.Problem;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * An import problem as the staff member reads it, in their language:
 * {@code ${@rosterProblems.text(e)}} gives 「12行目 生年月日: 日付として読めません（1985/13/01）」 or Line
 * 12, 生年月日: Cannot be read as a date (1985/13/01). Column names stay Japanese: they are
 * the file's own headers. A problem stored without a code (before codes were kept) shows
 * its stored Japanese text.
 */
@Component("rosterProblems")
public class ProblemTexts {

	/** The name given to a column whose header cell is empty, e.g. 「3列目」. */
	private static final Pattern NUMBERED_COLUMN = Pattern.compile("(\\d+)列目");

	private final MessageSource messages;

	ProblemTexts(MessageSource messages) {
		this.messages = messages;
	}

	public String text(Problem problem) {
		return text(problem, LocaleContextHolder.getLocale());
	}

	public String text(Problem problem, Locale locale) {
		if (problem.code() == null) {
			return problem.text();
		}
		String message = messages.getMessage("roster.problem." + problem.code(), problem.args().toArray(),
				problem.message(), locale);
		String column = column(problem.column(), locale);
		if (problem.line() == null) {
			return column == null ? message : msg("roster.problem.at.column", locale, column, message);
		}
		String line = String.valueOf(problem.line());
		return column == null ? msg("roster.problem.at.line", locale, line, message)
				: msg("roster.problem.at.lineColumn", locale, line, column, message);
	}

	private String column(String column, Locale locale) {
		if (column == null) {
			return null;
		}
		Matcher numbered = NUMBERED_COLUMN.matcher(column);
		return numbered.matches() ? msg("roster.problem.columnNumber", locale, numbered.group(1)) : column;
	}

	private String msg(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

}
