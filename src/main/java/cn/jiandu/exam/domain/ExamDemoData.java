package cn.jiandu.exam.domain;

import cn.jiandu.exam.ExamPurpose;
import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.UserView;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import cn.jiandu.shared.seed.SeedStep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Demo data (profile {@code demo}): a bank of 120 questions over 党纪法规, 廉洁风险, 监督方法 and 业务知识 written
 * for this domain ({@code exam/demo-bank.txt}), the 五个一 onboarding knowledge test (open; grid1 has not taken it
 * yet), and the exams after the four quarterly classes of the year with the demo supervisors' attempts — a few
 * failed, one resumed after a lost signal, one submitted by the server at the time limit — and practice histories.
 * Runs once (it does nothing when the bank already holds its categories).
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class ExamDemoData {

    static final String ONBOARDING_TITLE = "五个一·新任监督员知识测试";

    @Bean
    SeedStep examDemoStep(JdbcClient jdbc, QuestionBank bank, Papers papers, Exams exams, Attempts attempts,
            Practice practice, UserDirectory users, Clock clock) {
        return SeedStep.of("exam.demo", Set.of("identity.demo-people"),
                () -> new Run(jdbc, bank, papers, exams, attempts, practice, users, clock).run());
    }

    record Run(JdbcClient jdbc, QuestionBank bank, Papers papers, Exams exams, Attempts attempts, Practice practice,
            UserDirectory users, Clock clock) {

        void run() {
            long present = jdbc.sql("SELECT COUNT(*) FROM exam_exam WHERE title = :t").param("t", ONBOARDING_TITLE)
                    .query(Long.class).single();
            if (present > 0) {
                return;
            }
            loadBank();
            List<Role> supervisors = List.of(Role.BRANCH_INSPECTOR, Role.TEAM_SUPERVISOR, Role.GRID_SUPERVISOR);
            Exam.Audience everySupervisor = new Exam.Audience(supervisors, List.of(), List.of(), null);
            OffsetDateTime now = clock.instant().atOffset(Exams.CHINA);

            Paper onboardingPaper = papers.create(new Paper(null, "新任监督员知识测试卷（每类5题，每题5分）", List.of(),
                    List.of(rule("党纪法规"), rule("廉洁风险"), rule("监督方法"), rule("业务知识")), true, null));
            Exam onboarding = exams.create(new Exam(null, ONBOARDING_TITLE, String.valueOf(onboardingPaper.id()),
                    everySupervisor, now.minusDays(60).truncatedTo(ChronoUnit.DAYS), now.plusDays(90)
                            .truncatedTo(ChronoUnit.DAYS), 30, 3, Exam.Counted.BEST, new BigDecimal("60"), true,
                    Exam.Review.AFTER_SUBMIT, true, ExamPurpose.ONBOARDING), null);
            // those who joined earlier have passed it; grid1 (吴海涛) takes it in the demo
            for (String u : List.of("team1", "team3", "grid2", "grid4", "inspector2")) {
                takeAt(onboarding, u, now.minusDays(20).toInstant(), 0.8, false, false);
            }
            takeAt(onboarding, "grid6", now.minusDays(15).toInstant(), 0.35, false, false);

            int year = now.getYear();
            LocalDate[] classes = {LocalDate.of(year, 3, 20), LocalDate.of(year, 6, 19), LocalDate.of(year, 9, 18),
                    LocalDate.of(year, 11, 20)};
            String[] names = {"第一季度", "第二季度", "第三季度", "第四季度"};
            for (int q = 0; q < classes.length; q++) {
                OffsetDateTime opens = classes[q].atTime(14, 0).atOffset(Exams.CHINA);
                if (opens.isAfter(now.minusDays(1))) {
                    continue;
                }
                Paper paper = papers.create(new Paper(null, year + "年" + names[q] + "监督员业务培训班结业考试卷",
                        List.of(), List.of(rule("党纪法规", 8, 2), rule("廉洁风险", 8, 2), rule("监督方法", 7, 2),
                                rule("业务知识", 7, 2)), true, null));
                Exam exam = exams.create(new Exam(null, year + "年" + names[q] + "监督员业务培训班结业考试",
                        String.valueOf(paper.id()), everySupervisor, opens, opens.plusDays(7), 45, 1,
                        Exam.Counted.BEST, new BigDecimal("60"), true, Exam.Review.AFTER_CLOSE, false,
                        ExamPurpose.QUARTERLY_CLASS), null);
                List<UserView> people = exams.members(exam);
                for (UserView u : people) {
                    if (u.username().equals("grid1") && q == 0) {
                        continue; // he joined in the spring
                    }
                    double ability = 0.5 + (Math.abs(u.username().hashCode() * 31 + q) % 45) / 100.0;
                    boolean resumed = u.username().equals("team2") && q == classes.length - 1;
                    boolean auto = u.username().equals("grid5") && q == classes.length - 1;
                    takeAt(exam, u.username(), opens.plusHours(1).toInstant(), ability, resumed, auto);
                }
            }
            practiseFor("grid1", "党纪法规", 0.5);
            practiseFor("grid1", "监督方法", 0.7);
            practiseFor("team2", "廉洁风险", 0.6);
            practiseFor("inspector1", "业务知识", 0.8);
        }

        static Paper.Rule rule(String category) {
            return rule(category, 5, 5);
        }

        static Paper.Rule rule(String category, int count, int points) {
            return new Paper.Rule(category, null, null, count, new BigDecimal(points));
        }

        void loadBank() {
            String text;
            try {
                text = new ClassPathResource("exam/demo-bank.txt").getContentAsString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String keys = "ABCDEFGH";
            for (String line : text.lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\|", -1);
                QuestionType type = QuestionType.valueOf(f[0]);
                List<QuestionOption> options = new ArrayList<>();
                if (type.hasOptions()) {
                    String[] texts = f[5].split(";");
                    for (int i = 0; i < texts.length; i++) {
                        options.add(new QuestionOption(String.valueOf(keys.charAt(i)), texts[i]));
                    }
                }
                List<String> answer = type == QuestionType.FILL ? List.of(f[6].split("/")) : List.of(f[6].split(","));
                bank.insert(QuestionBank.checked(new Question(null, type, f[4], options, answer, f[7], f[1],
                        List.of(f[3].split(",")), Integer.valueOf(f[2]), null)));
            }
        }

        /** One attempt, answered as someone of this ability would, submitted (by the server if {@code auto}). */
        void takeAt(Exam exam, String username, Instant startedAt, double ability, boolean resumed, boolean auto) {
            UserView u = users.findByUsername(username).orElseThrow();
            Paper paper = papers.find(Long.parseLong(exam.paperId()));
            long id = attempts.assemble(exam, paper, papers.pool(paper), u.id(), u.orgUnitId(),
                    Attempts.userType(u.roles()), 1, "IN_PROGRESS", clock.instant().plusSeconds(3600));
            Random random = new Random(id * 7919 + username.hashCode());
            record Item(long questionId, int version) {
            }
            List<Item> items = jdbc.sql("SELECT question_id, question_version FROM exam_attempt_item "
                    + "WHERE attempt_id = :a ORDER BY position").param("a", id)
                    .query((rs, n) -> new Item(rs.getLong(1), rs.getInt(2))).list();
            int answered = auto ? items.size() * 2 / 3 : items.size();
            for (int i = 0; i < answered; i++) {
                Item it = items.get(i);
                QuestionVersion v = attemptsVersions(it.questionId(), it.version());
                List<String> given = random.nextDouble() < ability ? right(v) : wrong(v);
                jdbc.sql("""
                        UPDATE exam_attempt_item SET answer = :a, answer_seq = 1, answered_at = :at
                        WHERE attempt_id = :id AND question_id = :q""")
                        .param("a", Json.write(given)).param("at", Timestamp.from(startedAt.plusSeconds(40L * (i + 1))))
                        .param("id", id).param("q", it.questionId()).update();
            }
            Attempts.Head head = jdbc.sql("""
                    SELECT id, exam_id, user_id, number, status, deadline, submitted_at, auto_submitted, score,
                           max_score, passed, started_at FROM exam_attempt WHERE id = :id""").param("id", id)
                    .query((rs, n) -> new Attempts.Head(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4),
                            rs.getString(5), null, null, false, null, rs.getBigDecimal(10), null, null))
                    .single();
            attempts.finish(head, auto);
            Instant deadline = startedAt.plusSeconds(60L * exam.timeLimitMinutes());
            Instant submitted = auto ? deadline.plusSeconds(12) : startedAt.plusSeconds(40L * answered + 95);
            jdbc.sql("""
                    UPDATE exam_attempt SET prepared_at = :prepared, started_at = :started, deadline = :deadline,
                           submitted_at = :submitted, resumed_count = :resumed, hidden_count = :hidden,
                           hidden_ms = :hiddenMs WHERE id = :id""")
                    .param("prepared", Timestamp.from(startedAt.minusSeconds(86_400)))
                    .param("started", Timestamp.from(startedAt)).param("deadline", Timestamp.from(deadline))
                    .param("submitted", Timestamp.from(submitted)).param("resumed", resumed ? 1 : 0)
                    .param("hidden", resumed ? 2 : 0).param("hiddenMs", resumed ? 95_000L : 0L).param("id", id)
                    .update();
        }

        QuestionVersion attemptsVersions(long q, int v) {
            QuestionVersions.Key k = new QuestionVersions.Key(q, v);
            return new QuestionVersions(jdbc).fresh(List.of(k)).get(k);
        }

        /** The answer a candidate gives when he knows it (one text for a blank). */
        static List<String> right(QuestionVersion v) {
            return v.type() == QuestionType.FILL ? List.of(v.answer().get(0)) : v.answer();
        }

        static List<String> wrong(QuestionVersion v) {
            return switch (v.type()) {
                case TRUE_FALSE -> List.of(v.answer().get(0).equals("true") ? "false" : "true");
                case FILL -> List.of("不清楚");
                case MULTIPLE -> List.of(v.answer().get(0));
                case SINGLE -> v.options().stream().map(QuestionOption::key).filter(k -> !v.answer().contains(k))
                        .findFirst().map(List::of).orElse(List.of());
            };
        }

        void practiseFor(String username, String category, double ability) {
            UserView u = users.findByUsername(username).orElseThrow();
            JianduPrincipal me = users.principal(u.id()).orElseThrow();
            Practice.Session s = practice.start(category, false, 10, me);
            Random random = new Random(username.hashCode() + category.hashCode());
            for (var item : s.questions()) {
                QuestionVersions.Key k = new QuestionVersions.Key(Long.parseLong(item.id()),
                        jdbc.sql("SELECT current_version FROM exam_question WHERE id = :id")
                                .param("id", Long.parseLong(item.id())).query(Integer.class).single());
                QuestionVersion v = new QuestionVersions(jdbc).fresh(List.of(k)).get(k);
                practice.answer(Long.parseLong(s.practiceId()), v.questionId(),
                        random.nextDouble() < ability ? right(v) : wrong(v), me);
            }
        }
    }
}
