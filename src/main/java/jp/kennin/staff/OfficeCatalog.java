package jp.kennin.staff;

import java.util.Map;

/**
 * The offices an insurer's office contacts may be bound to: the 事業所 of its roster (code →
 * name, by code). The staff module only asks; a module that knows the roster provides it,
 * so staff does not depend on the roster (which depends on staff).
 */
public interface OfficeCatalog {

	Map<String, String> offices(long tenantId);

}
