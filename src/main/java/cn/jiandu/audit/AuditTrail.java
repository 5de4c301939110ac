package cn.jiandu.audit;

import cn.jiandu.audit.chain.AuditChainer;
import cn.jiandu.shared.security.CurrentUser;
import cn.jiandu.shared.security.JianduPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one call every module uses to append to the audit trail. Entries are only ever inserted. The entry joins
 * the caller's transaction, so a rolled-back change leaves no "success" entry behind.
 */
@Service
@Transactional
public class AuditTrail {

    private static final int DETAIL_MAX = 2000;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditChainer chainer;

    AuditTrail(JdbcClient jdbc, Clock clock, AuditChainer chainer) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.chainer = chainer;
    }

    /** Records an action by the current user (if any) from the current request's address (if any). */
    public void record(String action, String targetType, Object targetId, Outcome outcome, String detail) {
        Optional<JianduPrincipal> who = CurrentUser.find();
        append(who.map(JianduPrincipal::id).orElse(null), who.map(JianduPrincipal::username).orElse(null), action,
                targetType, targetId, outcome, detail);
    }

    public void record(String action, String targetType, Object targetId) {
        record(action, targetType, targetId, Outcome.SUCCESS, null);
    }

    /** Records an action on behalf of a named actor, e.g. a login attempt before anyone is signed in. */
    public void recordAs(Long actorId, String actorName, String action, String targetType, Object targetId,
            Outcome outcome, String detail) {
        append(actorId, actorName, action, targetType, targetId, outcome, detail);
    }

    private void append(Long actorId, String actorName, String action, String targetType, Object targetId,
            Outcome outcome, String detail) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO audit_entry (occurred_at, actor_id, actor_name, action, target_type, target_id, address,
                                         outcome, detail)
                VALUES (:at, :actorId, :actorName, :action, :targetType, :targetId, :address, :outcome, :detail)""")
                .param("at", Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MILLIS)))
                .param("actorId", actorId)
                .param("actorName", truncate(actorName, 64))
                .param("action", action)
                .param("targetType", targetType)
                .param("targetId", targetId == null ? null : truncate(targetId.toString(), 64))
                .param("address", currentAddress())
                .param("outcome", outcome.name())
                .param("detail", truncate(detail, DETAIL_MAX))
                .update(key, "id");
        chainer.afterCommit(key.getKeyAs(Number.class).longValue());
    }

    private static String currentAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
