package cn.jiandu.notification.outbox;

import cn.jiandu.notification.OutboxProperties.Target;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Plain-text email over SMTP ({@code spring.mail.*}) to the target's addresses. */
public class EmailChannel implements Channel {

    private final JavaMailSender mail;
    private final String from;

    public EmailChannel(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public void send(Target target, String subject, String text) {
        if (mail == null) {
            throw new IllegalStateException("no SMTP server configured (spring.mail.host)");
        }
        if (target.to().isEmpty()) {
            throw new IllegalStateException("email target without addresses");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(target.to().toArray(String[]::new));
        message.setSubject(subject);
        message.setText(text);
        mail.send(message);
    }
}
