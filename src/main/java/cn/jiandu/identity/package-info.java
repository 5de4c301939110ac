/**
 * Users, roles and permission codes, login (form and bearer token), login throttling, sessions, the home page per
 * role. Other modules read users through {@link cn.jiandu.identity.UserDirectory}. Depends on: shared, org, audit.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "org", "audit"})
package cn.jiandu.identity;
