package jp.kennin.terms;

import java.time.Instant;

/**
 * One published version of the terms of use. Versions are numbered 1, 2, 3 … in
 * publication order.
 */
public record TermsVersion(int version, String title, String body, Instant publishedAt) {
}
