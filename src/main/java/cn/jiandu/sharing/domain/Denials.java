package cn.jiandu.sharing.domain;

import cn.jiandu.audit.AuditTrail;
import cn.jiandu.audit.Outcome;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Audits a refusal in its own transaction: the refused operation's transaction rolls back, the record stays. */
@Component
class Denials {

    private final AuditTrail audit;

    Denials(AuditTrail audit) {
        this.audit = audit;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String action, String targetType, Object targetId, String detail) {
        audit.record(action, targetType, targetId, Outcome.DENIED, detail);
    }
}
