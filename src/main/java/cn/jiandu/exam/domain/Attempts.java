package cn.jiandu.exam.domain;

import cn.jiandu.exam.ExamGraded;
import cn.jiandu.identity.UserView;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attempts: assembled ahead (PREPARED), opened by the candidate (IN_PROGRESS, the deadline fixed by the server),
 * answered question by question, submitted by the candidate or by the server at the deadline, graded at submit.
 * The attempt's row is locked by every save and by the submit, so an acknowledged answer is always graded.
 */
@Service
public class Attempts {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final Clock clock;
    private final Exams exams;
    private final Papers papers;
    private final QuestionVersions versions;
    private final WrongBook wrongBook;
    private final ApplicationEventPublisher events;
    private final ExamSettings settings;
    private final AttemptItemVersions itemVersions;

    Attempts(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Clock clock, Exams exams, Papers papers,
            QuestionVersions versions, WrongBook wrongBook, ApplicationEventPublisher events, ExamSettings settings,
            AttemptItemVersions itemVersions) {
        this.itemVersions = itemVersions;
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
        this.exams = exams;
        this.papers = papers;
        this.versions = versions;
        this.wrongBook = wrongBook;
        this.events = events;
        this.settings = settings;
    }

    /** The state of an attempt row that the checks need. */
    record Head(long id, long examId, long userId, int number, String status, Instant deadline, Instant submittedAt,
            boolean auto, BigDecimal score, BigDecimal maxScore, Boolean passed, Instant startedAt) {
    }

    private static final String HEAD = """
            SELECT id, exam_id, user_id, number, status, deadline, submitted_at, auto_submitted, score, max_score,
                   passed, started_at FROM exam_attempt""";

    private static Head head(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Head(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getString(5),
                instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), rs.getBoolean(8), rs.getBigDecimal(9),
                rs.getBigDecimal(10), (Boolean) rs.getObject(11, Boolean.class), instant(rs.getTimestamp(12)));
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static boolean passes(BigDecimal score, BigDecimal max, BigDecimal passMark) {
        if (max.signum() == 0) {
            return false;
        }
        return score.multiply(BigDecimal.valueOf(100)).compareTo(passMark.multiply(max)) >= 0;
    }

    // ---------------------------------------------------------------- assembling

    /** A supervisor type if he holds one, else his first role: what results are grouped by. */
    static String userType(Set<Role> roles) {
        return roles.stream().filter(Role::isSupervisor).sorted().findFirst()
                .or(() -> roles.stream().sorted().findFirst()).map(Role::name).orElse("EMPLOYEE");
    }

    /**
     * Assembles the first attempt of every audience member who has none yet, {@link ExamSettings#prepareBatch()} per
     * transaction: a start then only opens it. Returns how many were assembled.
     */
    public int prepare(long examId) {
        Exam e = exams.find(examId);
        Paper paper = papers.find(Long.parseLong(e.paperId()));
        Drawing.Pool pool = papers.pool(paper);
        Set<Long> have = new HashSet<>(jdbc.sql("SELECT user_id FROM exam_attempt WHERE exam_id = :e")
                .param("e", examId).query(Long.class).list());
        List<UserView> todo = exams.members(e).stream().filter(u -> !have.contains(u.id())).toList();
        int done = 0;
        for (int from = 0; from < todo.size(); from += settings.prepareBatch()) {
            List<UserView> chunk = todo.subList(from, Math.min(todo.size(), from + settings.prepareBatch()));
            done += inTransaction(() -> {
                int n = 0;
                for (UserView u : chunk) {
                    try {
                        assemble(e, paper, pool, u.id(), u.orgUnitId(), userType(u.roles()), 1, "PREPARED", null);
                        n++;
                    } catch (DuplicateKeyException raced) {
                        // he started meanwhile
                    }
                }
                return n;
            });
        }
        jdbc.sql("UPDATE exam_exam SET prepared_at = :now WHERE id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", examId).update();
        return done;
    }

    private int inTransaction(java.util.function.IntSupplier body) {
        return transactions.execute(status -> body.getAsInt());
    }

    private org.springframework.transaction.support.TransactionTemplate transactions;

    @org.springframework.beans.factory.annotation.Autowired
    void setTransactions(org.springframework.transaction.PlatformTransactionManager tm) {
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(tm);
    }

    /** Inserts an attempt and its items; returns its id. */
    long assemble(Exam e, Paper paper, Drawing.Pool pool, long userId, long unitId, String type, int number,
            String status, Instant deadline) {
        long seed = Drawing.seed(e.id(), userId, number);
        List<Drawing.Drawn> drawn = new ArrayList<>(pool.draw(seed));
        Random order = new Random(seed * 31 + 7);
        if (e.shuffle()) {
            Collections.shuffle(drawn, order);
        }
        BigDecimal max = drawn.stream().map(Drawing.Drawn::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        Instant now = clock.instant();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO exam_attempt (exam_id, user_id, org_unit_id, user_type, number, status, seed, prepared_at,
                                          started_at, deadline, max_score)
                VALUES (:e, :u, :unit, :type, :n, :status, :seed, :now, :started, :deadline, :max)""")
                .param("e", e.id()).param("u", userId).param("unit", unitId).param("type", type).param("n", number)
                .param("status", status).param("seed", seed).param("now", Timestamp.from(now))
                .param("started", deadline == null ? null : Timestamp.from(now))
                .param("deadline", deadline == null ? null : Timestamp.from(deadline)).param("max", max)
                .update(keys, "id");
        long id = Ids.of(keys);
        Map<QuestionVersions.Key, QuestionVersion> shown = versions.forShowing(drawn.stream()
                .map(d -> new QuestionVersions.Key(d.questionId(), d.version())).toList());
        MapSqlParameterSource[] rows = new MapSqlParameterSource[drawn.size()];
        for (int i = 0; i < drawn.size(); i++) {
            Drawing.Drawn d = drawn.get(i);
            QuestionVersion v = shown.get(new QuestionVersions.Key(d.questionId(), d.version()));
            List<String> optionKeys = new ArrayList<>(v.options().stream().map(QuestionOption::key).toList());
            if (e.shuffle() && v.type() != QuestionType.TRUE_FALSE) {
                Collections.shuffle(optionKeys, order);
            }
            rows[i] = new MapSqlParameterSource().addValue("a", id).addValue("q", d.questionId())
                    .addValue("v", d.version()).addValue("pos", i).addValue("points", d.points())
                    .addValue("order", String.join(",", optionKeys));
        }
        batch.batchUpdate("""
                INSERT INTO exam_attempt_item (attempt_id, question_id, question_version, position, points, option_order)
                VALUES (:a, :q, :v, :pos, :points, :order)""", rows);
        return id;
    }

    // ---------------------------------------------------------------- starting

    public record Started(AttemptView attempt, boolean created) {
    }

    /**
     * Opens the candidate's next attempt: the one in progress (200), the one assembled ahead, or a new one (201).
     * Outside the audience 404; outside the window or with no attempt left 409.
     */
    @Transactional
    public Started start(long examId, JianduPrincipal me) {
        Exam e = exams.findFor(examId, me);
        Instant now = clock.instant();
        List<Head> mine = jdbc.sql(HEAD + " WHERE exam_id = :e AND user_id = :u ORDER BY number")
                .param("e", examId).param("u", me.id()).query(Attempts::head).list();
        for (Head h : mine) {
            if (h.status().equals("IN_PROGRESS")) {
                if (pastGrace(h, now)) {
                    finish(lock(h.id()), true);
                } else {
                    jdbc.sql("UPDATE exam_attempt SET resumed_count = resumed_count + 1 WHERE id = :id")
                            .param("id", h.id()).update();
                    return new Started(view(h.id(), me), false);
                }
            }
        }
        if (now.isBefore(e.opensAt().toInstant())) {
            throw Refusal.conflict("exam.error.notOpen");
        }
        if (!now.isBefore(e.closesAt().toInstant())) {
            throw Refusal.conflict("exam.error.closed");
        }
        long used = jdbc.sql("SELECT COUNT(*) FROM exam_attempt WHERE exam_id = :e AND user_id = :u "
                + "AND status <> 'PREPARED'").param("e", examId).param("u", me.id()).query(Long.class).single();
        if (used >= e.attemptsAllowed()) {
            throw Refusal.conflict("exam.error.noAttemptsLeft", e.attemptsAllowed());
        }
        Instant deadline = now.plusSeconds(60L * e.timeLimitMinutes());
        if (deadline.isAfter(e.closesAt().toInstant())) {
            deadline = e.closesAt().toInstant();
        }
        Optional<Head> prepared = mine.stream().filter(h -> h.status().equals("PREPARED")).findFirst();
        long id;
        if (prepared.isPresent()) {
            id = prepared.get().id();
            int opened = jdbc.sql("""
                    UPDATE exam_attempt SET status = 'IN_PROGRESS', started_at = :now, deadline = :deadline
                    WHERE id = :id AND status = 'PREPARED'""")
                    .param("now", Timestamp.from(now)).param("deadline", Timestamp.from(deadline)).param("id", id)
                    .update();
            if (opened == 0) {
                return new Started(view(id, me), false);
            }
        } else {
            Paper paper = papers.find(Long.parseLong(e.paperId()));
            int number = mine.stream().mapToInt(Head::number).max().orElse(0) + 1;
            try {
                id = assemble(e, paper, papers.pool(paper), me.id(), me.orgUnitId(), userType(me.roles()), number,
                        "IN_PROGRESS", deadline);
            } catch (DuplicateKeyException raced) {
                throw Refusal.conflict("exam.error.startedTwice");
            }
        }
        return new Started(view(id, me), true);
    }

    private boolean pastGrace(Head h, Instant now) {
        return h.deadline() != null && now.isAfter(h.deadline().plus(settings.saveGrace()));
    }

    private Head lock(long id) {
        return jdbc.sql(HEAD + " WHERE id = :id FOR UPDATE").param("id", id).query(Attempts::head).optional()
                .orElseThrow(Refusal::notFound);
    }

    private Head mine(long id, JianduPrincipal me, boolean forUpdate) {
        Head h = jdbc.sql(HEAD + " WHERE id = :id" + (forUpdate ? " FOR UPDATE" : "")).param("id", id)
                .query(Attempts::head).optional().orElseThrow(Refusal::notFound);
        if (h.userId() != me.id() || h.status().equals("PREPARED")) {
            throw Refusal.notFound();
        }
        return h;
    }

    // ---------------------------------------------------------------- reading

    /** The candidate's own attempt (anyone else's is 404); one past its deadline is submitted first. */
    @Transactional
    public AttemptView get(long attemptId, JianduPrincipal me) {
        Head h = mine(attemptId, me, false);
        if (h.status().equals("IN_PROGRESS") && pastGrace(h, clock.instant())) {
            finish(lock(attemptId), true);
        }
        return view(attemptId, me);
    }

    record ItemRow(long questionId, int version, int position, BigDecimal points, String optionOrder, String answer,
            Long seq, BigDecimal score) {
    }

    private List<ItemRow> items(long attemptId) {
        return jdbc.sql("""
                SELECT question_id, question_version, position, points, option_order, answer, answer_seq, score
                FROM exam_attempt_item WHERE attempt_id = :a ORDER BY position""").param("a", attemptId)
                .query((rs, n) -> new ItemRow(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getBigDecimal(4),
                        rs.getString(5), rs.getString(6), (Long) rs.getObject(7, Long.class), rs.getBigDecimal(8)))
                .list();
    }

    AttemptView view(long attemptId, JianduPrincipal me) {
        Head h = jdbc.sql(HEAD + " WHERE id = :id").param("id", attemptId).query(Attempts::head).single();
        Exam e = exams.find(h.examId());
        List<ItemRow> rows = items(attemptId);
        if (h.status().equals("IN_PROGRESS")) {
            Map<Long, Integer> byQuestion = new java.util.HashMap<>();
            rows.forEach(r -> byQuestion.put(r.questionId(), r.version()));
            itemVersions.remember(attemptId, byQuestion);
        }
        Map<QuestionVersions.Key, QuestionVersion> shown = versions.forShowing(rows.stream()
                .map(r -> new QuestionVersions.Key(r.questionId(), r.version())).toList());
        List<AttemptView.Item> questions = new ArrayList<>();
        Map<String, List<String>> answers = new LinkedHashMap<>();
        Map<String, Long> seqs = new LinkedHashMap<>();
        for (ItemRow r : rows) {
            QuestionVersion v = shown.get(new QuestionVersions.Key(r.questionId(), r.version()));
            questions.add(new AttemptView.Item(String.valueOf(r.questionId()), v.type(), v.stem(), ordered(v, r),
                    Json.plain(r.points())));
            if (r.answer() != null) {
                answers.put(String.valueOf(r.questionId()), Json.strings(r.answer()));
                seqs.put(String.valueOf(r.questionId()), r.seq());
            }
        }
        AttemptView.Result result = null;
        if (h.status().equals("SUBMITTED")) {
            result = new AttemptView.Result(Json.plain(h.score()), Json.plain(h.maxScore()), Boolean.TRUE.equals(h.passed()), h.auto(),
                    Exams.at(Timestamp.from(h.submittedAt())), reviewAllowed(e, clock.instant()) ? review(rows) : null);
        }
        return new AttemptView(String.valueOf(h.id()), String.valueOf(e.id()), e.title(), h.status(),
                h.deadline() == null ? null : Exams.at(Timestamp.from(h.deadline())),
                Exams.at(Timestamp.from(clock.instant())), questions, answers, seqs, result);
    }

    private static List<QuestionOption> ordered(QuestionVersion v, ItemRow r) {
        if (r.optionOrder().isEmpty()) {
            return v.options();
        }
        Map<String, QuestionOption> byKey = new LinkedHashMap<>();
        v.options().forEach(o -> byKey.put(o.key(), o));
        List<QuestionOption> out = new ArrayList<>();
        for (String k : r.optionOrder().split(",")) {
            QuestionOption o = byKey.remove(k);
            if (o != null) {
                out.add(o);
            }
        }
        out.addAll(byKey.values());
        return out;
    }

    static boolean reviewAllowed(Exam e, Instant now) {
        return switch (e.review()) {
            case NEVER -> false;
            case AFTER_SUBMIT -> true;
            case AFTER_CLOSE -> !now.isBefore(e.closesAt().toInstant());
        };
    }

    private List<AttemptView.ReviewItem> review(List<ItemRow> rows) {
        return review(rows, versions.fresh(rows.stream()
                .map(r -> new QuestionVersions.Key(r.questionId(), r.version())).toList()));
    }

    private static List<AttemptView.ReviewItem> review(List<ItemRow> rows,
            Map<QuestionVersions.Key, QuestionVersion> fresh) {
        List<AttemptView.ReviewItem> out = new ArrayList<>();
        for (ItemRow r : rows) {
            QuestionVersion v = fresh.get(new QuestionVersions.Key(r.questionId(), r.version()));
            out.add(new AttemptView.ReviewItem(String.valueOf(r.questionId()), v.type(), v.stem(), ordered(v, r),
                    r.answer() == null ? List.of() : Json.strings(r.answer()), v.answer(), v.explanation(),
                    Json.plain(r.points()), r.score() == null ? BigDecimal.ZERO : Json.plain(r.score())));
        }
        return out;
    }

    // ---------------------------------------------------------------- answering

    /**
     * Saves one answer. {@code seq} orders the saves of one question: a save whose seq is not above the saved one is
     * acknowledged and ignored (a retry, or an older answer arriving late), so a retry never overwrites a newer
     * answer. Without a seq the save always wins. After submit or after the deadline 409; a question not in the
     * attempt or an unknown option 400.
     */
    @Transactional
    public void answer(long attemptId, long questionId, List<String> answer, Long seq, JianduPrincipal me) {
        Head h = mine(attemptId, me, true);
        if (!h.status().equals("IN_PROGRESS")) {
            throw Refusal.conflict("exam.error.submitted");
        }
        Instant now = clock.instant();
        if (pastGrace(h, now)) {
            throw Refusal.conflict("exam.error.deadline");
        }
        // the attempt's versions come from memory: a save is the row lock and one UPDATE
        Integer version = itemVersions.versionOf(attemptId, questionId);
        if (version == null) {
            throw Refusal.invalidField("questionId", "exam.error.notInAttempt");
        }
        List<String> given = checkedAnswer(versions.forShowing(questionId, version), answer);
        String json = given.isEmpty() ? null : Json.write(given);
        if (seq == null) {
            jdbc.sql("""
                    UPDATE exam_attempt_item SET answer = :answer, answer_seq = COALESCE(answer_seq, 0) + 1,
                           answered_at = :now WHERE attempt_id = :a AND question_id = :q""")
                    .param("answer", json).param("now", Timestamp.from(now)).param("a", attemptId)
                    .param("q", questionId).update();
        } else {
            jdbc.sql("""
                    UPDATE exam_attempt_item SET answer = :answer, answer_seq = :seq, answered_at = :now
                    WHERE attempt_id = :a AND question_id = :q AND (answer_seq IS NULL OR answer_seq < :seq)""")
                    .param("answer", json).param("seq", seq).param("now", Timestamp.from(now)).param("a", attemptId)
                    .param("q", questionId).update();
        }
    }

    /** The answer in canonical form, or 400 naming {@code answer}. An empty list clears the answer. */
    static List<String> checkedAnswer(QuestionVersion v, List<String> answer) {
        if (answer == null) {
            throw Refusal.invalidField("answer", "exam.error.answerMissing");
        }
        List<String> given = answer.stream().map(a -> a == null ? "" : a.strip()).filter(a -> !a.isEmpty()).toList();
        if (given.isEmpty()) {
            return List.of();
        }
        switch (v.type()) {
            case SINGLE, TRUE_FALSE, MULTIPLE -> {
                Set<String> keys = v.optionKeys();
                if (!keys.containsAll(given) || new HashSet<>(given).size() != given.size()
                        || (v.type() != QuestionType.MULTIPLE && given.size() > 1)) {
                    throw Refusal.invalidField("answer", "exam.error.unknownOption");
                }
                return given.stream().sorted().toList();
            }
            case FILL -> {
                if (given.size() > 1 || given.get(0).length() > 200) {
                    throw Refusal.invalidField("answer", "exam.error.fillTooLong");
                }
                return given;
            }
            default -> throw new IllegalStateException();
        }
    }

    // ---------------------------------------------------------------- leaving the page

    @Transactional
    public void pageEvent(long attemptId, String type, JianduPrincipal me) {
        if (!"HIDDEN".equals(type) && !"VISIBLE".equals(type)) {
            throw Refusal.invalidField("type", "error.invalidValue");
        }
        Head h = mine(attemptId, me, true);
        if (!h.status().equals("IN_PROGRESS")) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        Long duration = null;
        if (type.equals("HIDDEN")) {
            jdbc.sql("""
                    UPDATE exam_attempt SET hidden_count = hidden_count + 1, hidden_since = :now
                    WHERE id = :id AND hidden_since IS NULL""").param("now", now).param("id", attemptId).update();
        } else {
            Timestamp since = jdbc.sql("SELECT hidden_since FROM exam_attempt WHERE id = :id").param("id", attemptId)
                    .query(Timestamp.class).optional().orElse(null);
            if (since != null) {
                duration = Math.max(0, now.getTime() - since.getTime());
                jdbc.sql("UPDATE exam_attempt SET hidden_ms = hidden_ms + :d, hidden_since = NULL WHERE id = :id")
                        .param("d", duration).param("id", attemptId).update();
            }
        }
        jdbc.sql("INSERT INTO exam_attempt_event (attempt_id, type, at, duration_ms) VALUES (:a, :t, :at, :d)")
                .param("a", attemptId).param("t", type).param("at", now).param("d", duration).update();
    }

    // ---------------------------------------------------------------- submitting and grading

    /** Submits the candidate's attempt; a second submit answers with the same result. */
    @Transactional
    public AttemptView.Result submit(long attemptId, JianduPrincipal me) {
        Head h = mine(attemptId, me, true);
        if (!h.status().equals("IN_PROGRESS")) {
            return view(attemptId, me).result();
        }
        // the result from what grading read and wrote: no second reading of the attempt
        Graded g = finish(h, pastGrace(h, clock.instant()));
        return new AttemptView.Result(Json.plain(g.score()), Json.plain(h.maxScore()), g.passed(), g.auto(),
                Exams.at(Timestamp.from(g.at())), reviewAllowed(g.exam(), g.at()) ? review(g.rows(), g.fresh()) : null);
    }

    /** What {@link #finish} graded: the items with their scores and the versions it graded them with. */
    record Graded(Exam exam, BigDecimal score, boolean passed, boolean auto, Instant at, List<ItemRow> rows,
            Map<QuestionVersions.Key, QuestionVersion> fresh) {
    }

    /** Submits every attempt whose deadline (and grace) has passed, with what was saved. */
    public int submitOverdue(int limit) {
        Instant cutoff = clock.instant().minus(settings.saveGrace());
        List<Long> overdue = jdbc.sql("""
                SELECT id FROM exam_attempt WHERE status = 'IN_PROGRESS' AND deadline < :cutoff ORDER BY deadline""")
                .param("cutoff", Timestamp.from(cutoff)).query(Long.class).list();
        int n = 0;
        for (Long id : overdue.subList(0, Math.min(limit, overdue.size()))) {
            n += inTransaction(() -> {
                Head h = lock(id);
                if (!h.status().equals("IN_PROGRESS")) {
                    return 0;
                }
                finish(h, true);
                return 1;
            });
        }
        return n;
    }

    /** Grades a locked, in-progress attempt and closes it. */
    Graded finish(Head h, boolean auto) {
        Exam e = exams.find(h.examId());
        boolean partial = jdbc.sql("SELECT partial_credit FROM exam_paper WHERE id = :p")
                .param("p", Long.parseLong(e.paperId())).query(Boolean.class).single();
        List<ItemRow> rows = items(h.id());
        Map<QuestionVersions.Key, QuestionVersion> fresh = versions.fresh(rows.stream()
                .map(r -> new QuestionVersions.Key(r.questionId(), r.version())).toList());
        BigDecimal total = BigDecimal.ZERO;
        MapSqlParameterSource[] scores = new MapSqlParameterSource[rows.size()];
        List<Long> right = new ArrayList<>();
        List<Long> wrong = new ArrayList<>();
        List<ItemRow> graded = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ItemRow r = rows.get(i);
            QuestionVersion v = fresh.get(new QuestionVersions.Key(r.questionId(), r.version()));
            List<String> given = r.answer() == null ? List.of() : Json.strings(r.answer());
            BigDecimal s = Grading.score(v.type(), v.answer(), given, r.points(), partial);
            total = total.add(s);
            (s.compareTo(r.points()) >= 0 ? right : wrong).add(r.questionId());
            graded.add(new ItemRow(r.questionId(), r.version(), r.position(), r.points(), r.optionOrder(), r.answer(),
                    r.seq(), s));
            scores[i] = new MapSqlParameterSource().addValue("s", s).addValue("a", h.id())
                    .addValue("q", r.questionId());
        }
        batch.batchUpdate("UPDATE exam_attempt_item SET score = :s WHERE attempt_id = :a AND question_id = :q",
                scores);
        // as stored (microseconds), so the result answered now equals the one read later
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        BigDecimal max = h.maxScore();
        boolean passed = passes(total, max, e.passMark());
        jdbc.sql("""
                UPDATE exam_attempt SET status = 'SUBMITTED', submitted_at = :now, auto_submitted = :auto,
                       score = :score, passed = :passed, hidden_since = NULL
                WHERE id = :id""")
                .param("now", Timestamp.from(now)).param("auto", auto).param("score", total.setScale(2, RoundingMode.HALF_UP))
                .param("passed", passed).param("id", h.id()).update();
        wrongBook.record(h.userId(), right, wrong, now);
        Long training = e.audience().trainingSessionId() == null ? null
                : Long.parseLong(e.audience().trainingSessionId());
        events.publishEvent(new ExamGraded(e.id(), h.id(), h.userId(), e.purpose(), training, total, max, passed, now,
                false));
        return new Graded(e, total.setScale(2, RoundingMode.HALF_UP), passed, auto, now, graded, fresh);
    }
}
