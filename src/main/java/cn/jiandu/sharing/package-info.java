/**
 * The "1234" sharing platform: one space per supervisor type, four standard folders each, owner-only rename, move
 * and delete, recycle bin, versions, resumable upload, quotas, duty-material periods with on-time tracking. Other
 * modules read on-time rates through {@link cn.jiandu.sharing.DutyTimeliness}.
 * Depends on: shared, audit, files, identity, calendar, notification.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "audit", "files", "identity", "org", "calendar", "notification"})
package cn.jiandu.sharing;
