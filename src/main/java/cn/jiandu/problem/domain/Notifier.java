package cn.jiandu.problem.domain;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.UserView;
import cn.jiandu.notification.NotificationRequested;
import cn.jiandu.shared.security.Role;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Inbox notifications about reports. Texts carry the number and title only, never the reporter, so what a
 * handling unit receives cannot name him.
 */
@Component
public class Notifier {

    private final ApplicationEventPublisher events;
    private final UserDirectory users;

    Notifier(ApplicationEventPublisher events, UserDirectory users) {
        this.events = events;
        this.users = users;
    }

    public void unit(Long unitId, String key, Problem p) {
        if (unitId == null) {
            return;
        }
        send(users.inUnitWithRole(unitId, Role.HANDLER).stream().map(UserView::id).toList(), key, p);
    }

    public void reporter(String key, Problem p) {
        send(List.of(p.reporterId()), key, p);
    }

    public void admins(String key, Problem p) {
        send(users.withRole(Role.ADMIN).stream().map(UserView::id).toList(), key, p);
    }

    public void send(List<Long> recipients, String key, Problem p) {
        if (!recipients.isEmpty()) {
            events.publishEvent(new NotificationRequested(recipients, key, List.of(p.number(), p.title()),
                    "/problems/" + p.id()));
        }
    }
}
