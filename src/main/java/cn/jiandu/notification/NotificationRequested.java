package cn.jiandu.notification;

import java.util.List;

/**
 * Asks the inbox to notify users. The text is a message key with arguments, rendered in each reader's language when
 * read. Published as an application event it is persisted by Spring Modulith's registry, so a crash between the
 * sender's commit and delivery loses nothing.
 *
 * @param recipientIds user ids
 * @param messageKey key in a message bundle, e.g. {@code problem.notify.dispatched}
 * @param args message arguments, already plain strings
 * @param link a path inside Jiandu to open, e.g. {@code /problems/42}; may be null
 */
public record NotificationRequested(List<Long> recipientIds, String messageKey, List<String> args, String link) {

    public NotificationRequested {
        recipientIds = List.copyOf(recipientIds);
        args = List.copyOf(args);
    }
}
