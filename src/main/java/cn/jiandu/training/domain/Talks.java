package cn.jiandu.training.domain;

import cn.jiandu.audit.AuditTrail;
import cn.jiandu.audit.Outcome;
import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.UserView;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.training.TrainingPermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 谈心谈话 records: written by the supervisor who held the talk, read by him, the office and the leaders. */
@Service
public class Talks {

    public record Talk(long id, long authorId, String author, Long withUserId, String withName,
            String withDescription, LocalDate heldOn, String topic, String summary, String followUp,
            Instant createdAt) {
    }

    public record TalkCommand(Long withUserId, String withDescription, LocalDate heldOn, String topic,
            String summary, String followUp) {
    }

    private final JdbcClient jdbc;
    private final UserDirectory users;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final Clock clock;

    Talks(JdbcClient jdbc, UserDirectory users, OrgDirectory org, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.org = org;
        this.audit = audit;
        this.clock = clock;
    }

    /** A supervisor records a talk; the colleague must be within his unit's subtree. */
    @Transactional
    public Talk record(JianduPrincipal me, TalkCommand c) {
        if (!me.isSupervisor()) {
            throw Refusal.forbidden("talk.error.notSupervisor");
        }
        List<Refusal.FieldError> errors = new ArrayList<>();
        String description = SessionService.blankToNull(c.withDescription());
        if (c.withUserId() == null && description == null) {
            errors.add(new Refusal.FieldError("withUserId", "talk.error.with"));
        }
        if (description != null && description.length() > 200) {
            errors.add(new Refusal.FieldError("withDescription", "talk.error.withDescription"));
        }
        if (c.withUserId() != null) {
            Optional<UserView> u = users.find(c.withUserId());
            if (u.isEmpty() || u.get().id() == me.id() || !org.isWithin(u.get().orgUnitId(), me.orgUnitId())) {
                errors.add(new Refusal.FieldError("withUserId", "talk.error.outsideScope"));
            }
        }
        if (c.heldOn() == null || c.heldOn().isAfter(LocalDate.now(clock))) {
            errors.add(new Refusal.FieldError("heldOn", "talk.error.heldOn"));
        }
        String topic = SessionService.blankToNull(c.topic());
        if (topic == null || topic.length() > 200) {
            errors.add(new Refusal.FieldError("topic", "talk.error.topic"));
        }
        String summary = SessionService.blankToNull(c.summary());
        if (summary == null || summary.length() > 4000) {
            errors.add(new Refusal.FieldError("summary", "talk.error.summary"));
        }
        String followUp = SessionService.blankToNull(c.followUp());
        if (followUp != null && followUp.length() > 2000) {
            errors.add(new Refusal.FieldError("followUp", "talk.error.followUp"));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalidFields(errors);
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO training_talk (author_id, with_user_id, with_description, held_on, topic, summary,
                    follow_up, created_at) VALUES (:a, :w, :d, :on, :t, :s, :f, :now)""")
                .param("a", me.id()).param("w", c.withUserId()).param("d", description).param("on", c.heldOn())
                .param("t", topic).param("s", summary).param("f", followUp).param("now", Db.ts(clock.instant()))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record("talk.record", "training_talk", id, Outcome.SUCCESS, topic);
        return find(id).orElseThrow();
    }

    public Talk visible(JianduPrincipal me, long id) {
        Talk t = find(id).orElseThrow(Refusal::notFound);
        if (t.authorId() != me.id() && !me.can(TrainingPermissions.TALKS_READ_ALL)) {
            throw Refusal.notFound();
        }
        return t;
    }

    /** His own talks; the office and leaders everyone's (or one author's). Newest first. */
    public List<Talk> list(JianduPrincipal me, Long authorId) {
        boolean all = me.can(TrainingPermissions.TALKS_READ_ALL);
        Long author = all ? authorId : Long.valueOf(me.id());
        return query(author == null ? "1 = 1" : "author_id = :a", author == null ? Map.of() : Map.of("a", author));
    }

    public List<Talk> ofAuthor(long authorId) {
        return query("author_id = :a", Map.of("a", authorId));
    }

    private Optional<Talk> find(long id) {
        return query("id = :id", Map.of("id", id)).stream().findFirst();
    }

    private List<Talk> query(String where, Map<String, ?> params) {
        List<Talk> rows = jdbc.sql("SELECT * FROM training_talk WHERE " + where
                + " ORDER BY held_on DESC, id DESC LIMIT 500").params(params)
                .query((rs, n) -> new Talk(rs.getLong("id"), rs.getLong("author_id"), null,
                        Db.longOrNull(rs, "with_user_id"), null, rs.getString("with_description"),
                        rs.getObject("held_on", LocalDate.class), rs.getString("topic"), rs.getString("summary"),
                        rs.getString("follow_up"), Db.instant(rs, "created_at"))).list();
        List<Long> ids = new ArrayList<>();
        rows.forEach(t -> {
            ids.add(t.authorId());
            if (t.withUserId() != null) {
                ids.add(t.withUserId());
            }
        });
        Map<Long, String> names = users.displayNames(ids);
        return rows.stream().map(t -> new Talk(t.id(), t.authorId(), names.get(t.authorId()), t.withUserId(),
                t.withUserId() == null ? null : names.get(t.withUserId()), t.withDescription(), t.heldOn(),
                t.topic(), t.summary(), t.followUp(), t.createdAt())).toList();
    }
}
