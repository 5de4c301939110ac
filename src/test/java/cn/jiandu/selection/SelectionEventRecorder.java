package cn.jiandu.selection;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Test-only: keeps the appointment events the shared context publishes, so tests can assert on them. */
@Component
class SelectionEventRecorder {

    final List<Object> events = new CopyOnWriteArrayList<>();

    @EventListener
    void started(AppointmentStarted e) {
        events.add(e);
    }

    @EventListener
    void ended(AppointmentEnded e) {
        events.add(e);
    }
}
