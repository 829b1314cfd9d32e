/**
 * Notices: サイトからのお知らせ (site-wide, by operators) and 健康保険組合からのお知らせ (per tenant).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notice")
package jp.kennin.notice;
