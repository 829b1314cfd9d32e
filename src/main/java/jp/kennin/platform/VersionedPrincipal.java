package jp.kennin.platform;

/**
 * A login that remembers the version its account had when it logged in, so an action can
 * name the exact account state it was authorised by (see
 * {@link StaffActor#accountVersion()}).
 */
public interface VersionedPrincipal {

	long accountVersion();

}
