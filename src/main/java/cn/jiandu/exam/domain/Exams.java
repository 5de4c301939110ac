package cn.jiandu.exam.domain;

import cn.jiandu.audit.AuditTrail;
import cn.jiandu.exam.ExamPurpose;
import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.UserView;
import cn.jiandu.notification.NotificationRequested;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.Refusal.FieldError;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 考试: a paper before an audience within a window. */
@Service
public class Exams {

    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    static final int NOTIFY_CHUNK = 500;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final OrgDirectory org;
    private final UserDirectory users;
    private final ApplicationEventPublisher events;

    Exams(JdbcClient jdbc, Clock clock, AuditTrail audit, OrgDirectory org, UserDirectory users,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.org = org;
        this.users = users;
        this.events = events;
    }

    private static final String COLUMNS = """
            id, title, paper_id, audience, opens_at, closes_at, time_limit_minutes, attempts_allowed, grading,
            pass_mark, shuffle, review, onboarding, purpose""";

    static Exam map(ResultSet rs, int n) throws SQLException {
        return new Exam(rs.getLong(1), rs.getString(2), String.valueOf(rs.getLong(3)),
                Json.read(rs.getString(4), Exam.Audience.class), at(rs.getTimestamp(5)), at(rs.getTimestamp(6)),
                rs.getInt(7), rs.getInt(8), Exam.Counted.valueOf(rs.getString(9)),
                Json.plain(rs.getBigDecimal(10)), rs.getBoolean(11), Exam.Review.valueOf(rs.getString(12)),
                rs.getBoolean(13), ExamPurpose.valueOf(rs.getString(14)));
    }

    static OffsetDateTime at(Timestamp t) {
        return t == null ? null : t.toInstant().atOffset(CHINA);
    }

    public List<Exam> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM exam_exam ORDER BY opens_at DESC, id DESC")
                .query(Exams::map).list();
    }

    public Exam find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM exam_exam WHERE id = :id").param("id", id).query(Exams::map)
                .optional().orElseThrow(Refusal::notFound);
    }

    /** The exam if this person is in its audience, else 404. */
    public Exam findFor(long id, JianduPrincipal me) {
        Exam e = find(id);
        if (!includes(e, me)) {
            throw Refusal.notFound();
        }
        return e;
    }

    boolean includes(Exam e, JianduPrincipal me) {
        String path = org.find(me.orgUnitId()).map(OrgUnitView::path).orElse(null);
        return e.audience().includes(me, path, this::pathOf);
    }

    private String pathOf(long unitId) {
        return org.find(unitId).map(OrgUnitView::path).orElse(null);
    }

    @Transactional
    public Exam create(Exam input, Long createdBy) {
        Exam e = checked(input);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO exam_exam (title, paper_id, audience, opens_at, closes_at, time_limit_minutes,
                    attempts_allowed, grading, pass_mark, shuffle, review, onboarding, purpose, training_session_id,
                    created_by, created_at, updated_at)
                VALUES (:title, :paper, :audience, :opens, :closes, :limit, :attempts, :grading, :pass, :shuffle,
                    :review, :onboarding, :purpose, :training, :by, :now, :now)""")
                .params(params(e)).param("by", createdBy).param("now", now).update(keys, "id");
        long id = Ids.of(keys);
        audit.record("exam.exam.create", "exam_exam", id);
        Exam saved = find(id);
        notifyAudience(saved);
        return saved;
    }

    @Transactional
    public Exam update(long id, Exam input) {
        Exam before = find(id);
        Exam e = checked(input);
        jdbc.sql("""
                UPDATE exam_exam SET title = :title, paper_id = :paper, audience = :audience, opens_at = :opens,
                    closes_at = :closes, time_limit_minutes = :limit, attempts_allowed = :attempts, grading = :grading,
                    pass_mark = :pass, shuffle = :shuffle, review = :review, onboarding = :onboarding,
                    purpose = :purpose, training_session_id = :training, updated_at = :now WHERE id = :id""")
                .params(params(e)).param("now", Timestamp.from(clock.instant())).param("id", id).update();
        if (!before.paperId().equals(e.paperId()) || !before.audience().equals(e.audience())
                || !before.shuffle().equals(e.shuffle())) {
            // papers assembled ahead for the old paper or audience are assembled again
            jdbc.sql("DELETE FROM exam_attempt_item WHERE attempt_id IN "
                    + "(SELECT id FROM exam_attempt WHERE exam_id = :id AND status = 'PREPARED')").param("id", id)
                    .update();
            jdbc.sql("DELETE FROM exam_attempt WHERE exam_id = :id AND status = 'PREPARED'").param("id", id).update();
            jdbc.sql("UPDATE exam_exam SET prepared_at = NULL WHERE id = :id").param("id", id).update();
        }
        audit.record("exam.exam.update", "exam_exam", id);
        return find(id);
    }

    private Map<String, Object> params(Exam e) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", e.title());
        p.put("paper", Long.parseLong(e.paperId()));
        p.put("audience", Json.write(e.audience()));
        p.put("opens", Timestamp.from(e.opensAt().toInstant()));
        p.put("closes", Timestamp.from(e.closesAt().toInstant()));
        p.put("limit", e.timeLimitMinutes());
        p.put("attempts", e.attemptsAllowed());
        p.put("grading", e.grading().name());
        p.put("pass", e.passMark());
        p.put("shuffle", e.shuffle());
        p.put("review", e.review().name());
        p.put("onboarding", e.onboarding());
        p.put("purpose", e.purpose().name());
        p.put("training", e.audience().trainingSessionId() == null ? null
                : Long.parseLong(e.audience().trainingSessionId()));
        return p;
    }

    Exam checked(Exam e) {
        List<FieldError> errors = new ArrayList<>();
        if (e.title() == null || e.title().isBlank() || e.title().length() > 200) {
            errors.add(new FieldError("title", "exam.error.title"));
        }
        Long paper = null;
        try {
            paper = Long.parseLong(e.paperId() == null ? "" : e.paperId().strip());
            long found = jdbc.sql("SELECT COUNT(*) FROM exam_paper WHERE id = :id").param("id", paper)
                    .query(Long.class).single();
            if (found == 0) {
                paper = null;
            }
        } catch (NumberFormatException ex) {
            paper = null;
        }
        if (paper == null) {
            errors.add(new FieldError("paperId", "exam.error.paper"));
        }
        Exam.Audience audience = e.audience() == null ? new Exam.Audience(null, null, null, null) : e.audience();
        try {
            audience.orgUnitIds().forEach(u -> {
                if (org.find(Long.parseLong(u)).isEmpty()) {
                    throw new NumberFormatException();
                }
            });
            audience.userIds().forEach(Long::parseLong);
            if (audience.trainingSessionId() != null) {
                Long.parseLong(audience.trainingSessionId());
            }
            if (!audience.byRule() && audience.userIds().isEmpty()) {
                errors.add(new FieldError("audience", "exam.error.audience"));
            }
        } catch (NumberFormatException ex) {
            errors.add(new FieldError("audience", "exam.error.audience"));
        }
        if (e.opensAt() == null) {
            errors.add(new FieldError("opensAt", "error.required"));
        }
        if (e.closesAt() == null) {
            errors.add(new FieldError("closesAt", "error.required"));
        } else if (e.opensAt() != null && !e.closesAt().isAfter(e.opensAt())) {
            errors.add(new FieldError("closesAt", "exam.error.window"));
        }
        if (e.timeLimitMinutes() == null || e.timeLimitMinutes() < 1 || e.timeLimitMinutes() > 600) {
            errors.add(new FieldError("timeLimitMinutes", "exam.error.timeLimit"));
        }
        if (e.attemptsAllowed() == null || e.attemptsAllowed() < 1 || e.attemptsAllowed() > 20) {
            errors.add(new FieldError("attemptsAllowed", "exam.error.attempts"));
        }
        if (e.passMark() == null || e.passMark().signum() < 0 || e.passMark().compareTo(BigDecimal.valueOf(100)) > 0) {
            errors.add(new FieldError("passMark", "exam.error.passMark"));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalidFields(errors);
        }
        boolean onboarding = Boolean.TRUE.equals(e.onboarding());
        ExamPurpose purpose = onboarding ? ExamPurpose.ONBOARDING : e.purpose() == null ? ExamPurpose.OTHER : e.purpose();
        return new Exam(e.id(), e.title().strip(), String.valueOf(paper), audience, e.opensAt(), e.closesAt(),
                e.timeLimitMinutes(), e.attemptsAllowed(), e.grading() == null ? Exam.Counted.BEST : e.grading(),
                e.passMark(), Boolean.TRUE.equals(e.shuffle()), e.review() == null ? Exam.Review.AFTER_SUBMIT
                        : e.review(), onboarding, purpose);
    }

    /** Everyone in the audience now (enabled accounts). */
    public List<UserView> members(Exam e) {
        Map<Long, UserView> out = new LinkedHashMap<>();
        Exam.Audience a = e.audience();
        for (String id : a.userIds()) {
            users.find(Long.parseLong(id)).filter(UserView::enabled).ifPresent(u -> out.put(u.id(), u));
        }
        if (a.byRule()) {
            List<Role> roles = a.roles().isEmpty() ? List.of(Role.values()) : a.roles();
            for (Role r : roles) {
                for (UserView u : users.withRole(r)) {
                    String path = pathOf(u.orgUnitId());
                    if (a.includes(u.id(), u.roles(), path, this::pathOf)) {
                        out.putIfAbsent(u.id(), u);
                    }
                }
            }
        }
        return List.copyOf(out.values());
    }

    private void notifyAudience(Exam e) {
        List<Long> ids = members(e).stream().map(UserView::id).toList();
        if (!ids.isEmpty()) {
            // in chunks: a persisted event publication holds at most 10,000 characters (an audience of thousands
            // would not fit in one)
            for (int from = 0; from < ids.size(); from += NOTIFY_CHUNK) {
                events.publishEvent(new NotificationRequested(ids.subList(from, Math.min(ids.size(),
                        from + NOTIFY_CHUNK)), "exam.notify.invited",
                        List.of(e.title(), e.opensAt().toLocalDateTime().toString().replace('T', ' ')),
                        "/exams/mine"));
            }
            jdbc.sql("UPDATE exam_exam SET notified_at = :now WHERE id = :id")
                    .param("now", Timestamp.from(clock.instant())).param("id", e.id()).update();
        }
    }

    /** One line of "my exams". */
    public record Mine(String id, String title, OffsetDateTime opensAt, OffsetDateTime closesAt,
            int timeLimitMinutes, int attemptsAllowed, int attemptsUsed, String state, String attemptInProgress,
            String lastAttemptId, BigDecimal score, BigDecimal maxScore, Boolean passed, boolean onboarding) {
    }

    /** The caller's open, upcoming and past exams, open ones first. */
    public List<Mine> mine(JianduPrincipal me) {
        Instant now = clock.instant();
        record Att(long examId, long id, String status, BigDecimal score, BigDecimal max, Boolean passed) {
        }
        Map<Long, List<Att>> byExam = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT exam_id, id, status, score, max_score, passed FROM exam_attempt
                WHERE user_id = :u AND status <> 'PREPARED' ORDER BY number""").param("u", me.id())
                .query((rs, n) -> new Att(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), (Boolean) rs.getObject(6, Boolean.class)))
                .list().forEach(a -> byExam.computeIfAbsent(a.examId(), k -> new ArrayList<>()).add(a));
        List<Mine> out = new ArrayList<>();
        for (Exam e : list()) {
            List<Att> atts = byExam.getOrDefault(e.id(), List.of());
            if (atts.isEmpty() && !includes(e, me)) {
                continue;
            }
            String state = now.isBefore(e.opensAt().toInstant()) ? "UPCOMING"
                    : now.isBefore(e.closesAt().toInstant()) ? "OPEN" : "CLOSED";
            List<Att> submitted = atts.stream().filter(a -> a.status().equals("SUBMITTED")).toList();
            String inProgress = atts.stream().filter(a -> a.status().equals("IN_PROGRESS")).map(a -> String.valueOf(a.id()))
                    .findFirst().orElse(null);
            Att counted = null;
            for (Att a : submitted) {
                if (counted == null || e.grading() == Exam.Counted.LAST || a.score().compareTo(counted.score()) > 0) {
                    counted = a;
                }
            }
            out.add(new Mine(String.valueOf(e.id()), e.title(), e.opensAt(), e.closesAt(), e.timeLimitMinutes(),
                    e.attemptsAllowed(), submitted.size(), state, inProgress,
                    atts.isEmpty() ? null : String.valueOf(atts.get(atts.size() - 1).id()),
                    counted == null ? null : counted.score(), counted == null ? null : counted.max(),
                    counted == null ? null : counted.passed(), e.onboarding()));
        }
        out.sort(java.util.Comparator.comparingInt((Mine m) -> switch (m.state()) {
            case "OPEN" -> 0;
            case "UPCOMING" -> 1;
            default -> 2;
        }));
        return out;
    }
}
