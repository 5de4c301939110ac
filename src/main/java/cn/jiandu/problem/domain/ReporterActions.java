package cn.jiandu.problem.domain;

import cn.jiandu.audit.ProtectedActors;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What the reporter does to his report, and what runs in his request: the audit log must not name him for it (nor
 * show his address). The automatic dispatch runs inside the submission, so its actor is the reporter too.
 */
@Component
class ReporterActions implements ProtectedActors {

    @Override
    public Set<String> actions() {
        return Set.of("problem.submit", "problem.autoDispatch", "problem.rate", "problem.withdraw");
    }
}
