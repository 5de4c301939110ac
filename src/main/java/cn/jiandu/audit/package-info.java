/**
 * Append-only audit trail: who did what, to which target, from where, with what outcome. Every module records
 * through {@link cn.jiandu.audit.AuditTrail}. Depends on: shared.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package cn.jiandu.audit;
