package cn.jiandu.notification.outbox;

import cn.jiandu.notification.OutboxProperties.Target;

/** Sends one text to one target; throws when the target did not take it (the outbox then retries). */
public interface Channel {

    void send(Target target, String subject, String text) throws Exception;
}
