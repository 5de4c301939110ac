package cn.jiandu.notification.outbox;

import cn.jiandu.notification.NotificationRequested;
import cn.jiandu.notification.OutboxProperties;
import java.util.List;
import org.springframework.context.MessageSource;

/**
 * The neutral text of an outgoing message: a fixed sentence per kind and a link, never the notification's arguments.
 * Those carry problem titles, clue content and names (a reporter's among them), and a robot group or a mailbox is
 * read by people the inbox would never show them to; whoever follows the link signs in and sees what he may see.
 */
public class OutboxText {

    static final int DIGEST_LINES = 10;
    private final MessageSource messages;
    private final OutboxProperties properties;

    public OutboxText(MessageSource messages, OutboxProperties properties) {
        this.messages = messages;
        this.properties = properties;
    }

    public String subject() {
        return messages.getMessage("outbox.subject", null, "Jiandu", properties.locale());
    }

    public String body(NotificationRequested request) {
        String link = request.link() != null && request.link().startsWith("/") && !request.link().startsWith("//")
                ? request.link() : "/inbox";
        String url = properties.baseUrl() + link;
        String fallback = messages.getMessage("outbox.text.default", new Object[] {url}, url, properties.locale());
        return messages.getMessage("outbox.text." + request.messageKey(), new Object[] {url}, fallback,
                properties.locale());
    }

    /** One message for a burst: the count, the first lines, and how many more. */
    public String digest(List<OutboxMessage> folded) {
        StringBuilder text = new StringBuilder(messages.getMessage("outbox.digest", new Object[] {folded.size()},
                properties.locale()));
        for (int i = 0; i < Math.min(DIGEST_LINES, folded.size()); i++) {
            text.append('\n').append(i + 1).append(". ").append(folded.get(i).body());
        }
        if (folded.size() > DIGEST_LINES) {
            text.append('\n').append(messages.getMessage("outbox.digest.more",
                    new Object[] {folded.size() - DIGEST_LINES}, properties.locale()));
        }
        return text.toString();
    }
}
