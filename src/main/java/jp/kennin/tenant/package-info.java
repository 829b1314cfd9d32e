/**
 * Insurers (健康保険組合) served by this installation: code, name, sender address and support
 * desk. Every table holding member data refers to a tenant.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tenant")
package jp.kennin.tenant;
