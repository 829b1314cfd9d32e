/**
 * Demo data for the embedded setup: the demo insurer, its roster, staff accounts and
 * notices. Loaded once and idempotently; never in production unless asked for.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package jp.kennin.demo;
