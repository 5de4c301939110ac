/**
 * The in-app inbox: notifications posted by any module (one call or a {@link cn.jiandu.notification.NotificationRequested}
 * event), an unread badge, and the API; behind it the outbox of messages that leave the building (email, 企业微信 and
 * 钉钉 robots), written in the transaction of the change and sent by a job with retry, backoff and a rate per target.
 * Depends on: shared.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package cn.jiandu.notification;
