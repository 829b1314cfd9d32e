/**
 * Public pages: the landing page with site notices, notice details and the
 * recommended-browsers page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Home")
package jp.kennin.home;
