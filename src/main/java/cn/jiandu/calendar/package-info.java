/**
 * The working-day calendar: weekends, public holidays and make-up workdays (调休), seeded from the official
 * calendar and maintained by the admin; answers "is D a working day" and "N working days after T".
 * Depends on: shared, audit.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit"})
package cn.jiandu.calendar;
