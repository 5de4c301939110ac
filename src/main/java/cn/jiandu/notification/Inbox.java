package cn.jiandu.notification;

/** Posts notifications synchronously, in the caller's transaction. Prefer publishing {@link NotificationRequested}. */
public interface Inbox {

    void post(NotificationRequested request);

    long unreadCount(long userId);
}
