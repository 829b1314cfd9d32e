package jp.kennin.tenant;

/**
 * The member password rules a tenant chose. SEED: the iBss rules members know (8–20
 * characters with a letter, a digit and a symbol). NIST: 12–128 characters with no
 * composition rule.
 */
public enum PasswordPolicyPreset {

	SEED, NIST

}
