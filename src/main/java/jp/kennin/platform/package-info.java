/**
 * Cross-cutting foundation shared by every module: configuration, clock, security
 * headers, the web layout, locale handling, request IDs, scheduling and start-up checks.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
		displayName = "Platform")
package jp.kennin.platform;
