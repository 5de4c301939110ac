/**
 * The in-app inbox: notifications posted by any module (one call or a {@link cn.jiandu.notification.NotificationRequested}
 * event), an unread badge, and the API. Depends on: shared.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package cn.jiandu.notification;
