/**
 * 监督一点通: problem reports (随手拍/随手填), rule-based dispatch (分办规则), handling, rating, three-colour warnings,
 * clue transfer, the problem ledger with Excel export and the dashboard.
 * Depends on: shared, org, identity, audit, files, calendar, notification.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "org", "identity", "audit", "files", "calendar", "notification"})
package cn.jiandu.problem;
