package jp.kennin.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Refuses control characters (Unicode Cc: U+0000 to U+001F, U+007F to U+009F) in text
 * staff type: PostgreSQL cannot store U+0000 at all (the save would fail with a server
 * error), and the others are invisible, break one-line texts such as titles and names,
 * and end up in mails, PDFs and CSVs. A one-line field takes none; a {@link #multiline}
 * field (a notice's body, a campaign's instructions) keeps line breaks and tabs. A lone
 * surrogate (half of a character, from a broken paste or a script) is refused too: it
 * cannot be encoded for the database and would be stored as a question mark. Give each
 * use a message naming its field. Forms checked by hand use {@link Check#found}; the 400
 * page of {@link UnstorableTextResolver} is only the net under a field forgotten.
 */
@Documented
@Constraint(validatedBy = NoControlCharacters.Check.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface NoControlCharacters {

	String message();

	/** Whether line breaks (CR, LF) and tabs are allowed. */
	boolean multiline() default false;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** The validator behind the annotation. */
	final class Check implements ConstraintValidator<NoControlCharacters, CharSequence> {

		/**
		 * Whether {@code text} holds a character the constraint refuses (a control
		 * character, or a surrogate without its pair); null and empty texts hold none.
		 */
		public static boolean found(CharSequence text, boolean multiline) {
			if (text == null) {
				return false;
			}
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (Character.getType(c) == Character.CONTROL
						&& !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
					return true;
				}
				if (Character.isHighSurrogate(c) && i + 1 < text.length()
						&& Character.isLowSurrogate(text.charAt(i + 1))) {
					i++; // a character outside the BMP, such as 𠮷: fine
				}
				else if (Character.isSurrogate(c)) {
					return true;
				}
			}
			return false;
		}

		private boolean multiline;

		@Override
		public void initialize(NoControlCharacters constraint) {
			this.multiline = constraint.multiline();
		}

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			return !found(value, multiline);
		}

	}

}
