package cn.jiandu.notification.outbox;

import cn.jiandu.notification.OutboxProperties;
import cn.jiandu.notification.OutboxProperties.ChannelType;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** Wires the outbox; refuses to start on a route that names an unknown target or a target without a type. */
@Configuration(proxyBeanMethods = false)
class OutboxConfig {

    @Bean
    OutboxText outboxText(MessageSource messages, OutboxProperties properties) {
        check(properties);
        return new OutboxText(messages, properties);
    }

    @Bean
    OutboxRecorder outboxRecorder(OutboxStore store, OutboxText text, OutboxProperties properties, Clock clock) {
        return new OutboxRecorder(store, text, properties, clock);
    }

    @Bean
    OutboxDispatcher outboxDispatcher(OutboxStore store, OutboxText text, OutboxProperties properties,
            ObjectProvider<JavaMailSender> mail, Clock clock) {
        Channel robots = new RobotChannel(properties.timeout(), clock);
        return new OutboxDispatcher(store, text, properties, Map.of(ChannelType.EMAIL,
                new EmailChannel(mail.getIfAvailable(), properties.mailFrom()), ChannelType.WECOM, robots,
                ChannelType.DINGTALK, robots), clock);
    }

    @Bean
    OutboxJob outboxJob(OutboxDispatcher dispatcher, OutboxProperties properties) {
        return new OutboxJob(dispatcher, properties);
    }

    static void check(OutboxProperties properties) {
        properties.targets().forEach((name, t) -> {
            if (t.type() == null) {
                throw new IllegalStateException("jiandu.notification.outbox.targets." + name + ".type is missing");
            }
        });
        for (OutboxProperties.Route route : properties.routes()) {
            for (String target : route.targets()) {
                if (!properties.targets().containsKey(target)) {
                    throw new IllegalStateException("outbox route " + route.kind() + " names unknown target "
                            + target);
                }
            }
        }
    }
}
