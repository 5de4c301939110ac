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
        unit(unitId, key, p, true);
    }

    /** {@code linked = false} for news about a report the unit can no longer open (a link would lead to 404). */
    public void unit(Long unitId, String key, Problem p, boolean linked) {
        if (unitId == null) {
            return;
        }
        send(users.inUnitWithRole(unitId, Role.HANDLER).stream().map(UserView::id).toList(), key, p, linked);
    }

    public void reporter(String key, Problem p) {
        send(List.of(p.reporterId()), key, p);
    }

    public void admins(String key, Problem p) {
        send(users.withRole(Role.ADMIN).stream().map(UserView::id).toList(), key, p);
    }

    public void send(List<Long> recipients, String key, Problem p) {
        send(recipients, key, p, true);
    }

    private void send(List<Long> recipients, String key, Problem p, boolean linked) {
        if (!recipients.isEmpty()) {
            events.publishEvent(new NotificationRequested(recipients, key, List.of(p.number(), p.title()),
                    linked ? "/problems/" + p.id() : null));
        }
    }
}
