package cn.jiandu.exam.domain;

import cn.jiandu.exam.ExamPermissions;
import cn.jiandu.identity.UserDirectory;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.paging.Cursor;
import cn.jiandu.shared.paging.CursorPage;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Results for the office: the submitted attempts, their distribution and pass rates per unit and type, the .xlsx
 * export and the item analysis. The office and leaders read every exam's results; a branch secretary those of
 * candidates in his subtree.
 */
@Service
public class ExamResults {

    private final JdbcClient jdbc;
    private final Exams exams;
    private final OrgDirectory org;
    private final UserDirectory users;
    private final MessageSource messages;

    ExamResults(JdbcClient jdbc, Exams exams, OrgDirectory org, UserDirectory users, MessageSource messages) {
        this.jdbc = jdbc;
        this.exams = exams;
        this.org = org;
        this.users = users;
        this.messages = messages;
    }

    public record ResultRow(String attemptId, String userId, String displayName, String orgUnitId, String unitName,
            String userType, int number, BigDecimal score, BigDecimal maxScore, BigDecimal percent, boolean passed,
            boolean counted, OffsetDateTime startedAt, OffsetDateTime submittedAt, boolean autoSubmitted,
            int hiddenCount, long hiddenSeconds, int regradeCount, int resumedCount) {
    }

    /** The units whose candidates the caller may see (null: all), narrowed to {@code unitId}'s subtree. */
    private Set<Long> scope(JianduPrincipal me, Long unitId) {
        Set<Long> mine = null;
        if (!(me.seesEverything() || me.can(ExamPermissions.MANAGE))) {
            if (!me.has(Role.BRANCH_SECRETARY)) {
                throw Refusal.forbidden();
            }
            mine = org.subtreeIds(me.orgUnitId());
        }
        if (unitId == null) {
            return mine;
        }
        Set<Long> wanted = new java.util.HashSet<>(org.subtreeIds(unitId));
        if (mine != null) {
            wanted.retainAll(mine);
        }
        wanted.add(-1L);
        return wanted;
    }

    private record Raw(long id, long userId, long unitId, String type, int number, BigDecimal score, BigDecimal max,
            boolean passed, java.sql.Timestamp started, java.sql.Timestamp submitted, boolean auto, int hidden,
            long hiddenMs, int regrades, int resumed) {
    }

    private List<Raw> raw(long examId, Set<Long> units, Long before, Integer limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, user_id, org_unit_id, user_type, number, score, max_score, passed, started_at, submitted_at,
                       auto_submitted, hidden_count, hidden_ms, regrade_count, resumed_count
                FROM exam_attempt WHERE exam_id = :e AND status = 'SUBMITTED'""");
        Map<String, Object> p = new HashMap<>();
        p.put("e", examId);
        if (units != null) {
            sql.append(" AND org_unit_id IN (:units)");
            p.put("units", units.isEmpty() ? List.of(-1L) : units);
        }
        if (before != null) {
            sql.append(" AND id < :before");
            p.put("before", before);
        }
        sql.append(" ORDER BY id DESC");
        if (limit != null) {
            sql.append(" LIMIT ").append(limit);
        }
        return jdbc.sql(sql.toString()).params(p)
                .query((rs, n) -> new Raw(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getInt(5),
                        rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBoolean(8), rs.getTimestamp(9),
                        rs.getTimestamp(10), rs.getBoolean(11), rs.getInt(12), rs.getLong(13), rs.getInt(14),
                        rs.getInt(15)))
                .list();
    }

    /** The attempt that counts for each candidate (BEST or LAST), over all his submitted attempts. */
    private Set<Long> counted(Exam e) {
        record A(long id, long user, BigDecimal score) {
        }
        Map<Long, A> best = new HashMap<>();
        jdbc.sql("SELECT id, user_id, score FROM exam_attempt WHERE exam_id = :e AND status = 'SUBMITTED' ORDER BY number")
                .param("e", e.id()).query((rs, n) -> new A(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3))).list()
                .forEach(a -> best.merge(a.user(), a, (old, nu) -> e.grading() == Exam.Counted.LAST
                        || nu.score().compareTo(old.score()) > 0 ? nu : old));
        Set<Long> out = new java.util.HashSet<>();
        best.values().forEach(a -> out.add(a.id()));
        return out;
    }

    private List<ResultRow> rows(Exam e, List<Raw> raws) {
        Set<Long> counted = counted(e);
        Map<Long, String> names = users.displayNames(raws.stream().map(Raw::userId).distinct().toList());
        List<ResultRow> out = new ArrayList<>();
        for (Raw r : raws) {
            BigDecimal percent = r.max().signum() == 0 ? BigDecimal.ZERO
                    : r.score().multiply(BigDecimal.valueOf(100)).divide(r.max(), 1, RoundingMode.HALF_UP);
            out.add(new ResultRow(String.valueOf(r.id()), String.valueOf(r.userId()), names.get(r.userId()),
                    String.valueOf(r.unitId()), org.find(r.unitId()).map(OrgUnitView::name).orElse(""), r.type(),
                    r.number(), Json.plain(r.score()), Json.plain(r.max()), percent, r.passed(),
                    counted.contains(r.id()), Exams.at(r.started()), Exams.at(r.submitted()), r.auto(), r.hidden(),
                    r.hiddenMs() / 1000, r.regrades(), r.resumed()));
        }
        return out;
    }

    public CursorPage<ResultRow> list(long examId, JianduPrincipal me, Long unitId, int size, String cursor) {
        Exam e = exams.find(examId);
        Set<Long> units = scope(me, unitId);
        Long before = cursor == null || cursor.isBlank() ? null : Cursor.decodeLong(cursor);
        List<ResultRow> rows = rows(e, raw(examId, units, before, size + 1));
        return CursorPage.of(rows, size, r -> Cursor.encode(r.attemptId()));
    }

    public record Rate(String key, String name, int candidates, int passed, Double passRate, Double meanPercent) {
    }

    public record Summary(String examId, String title, int attempts, int candidates, int passed, Double passRate,
            Double meanPercent, Map<String, Integer> distribution, List<Rate> byUnit, List<Rate> byType,
            int autoSubmitted, int leftThePage) {
    }

    /** Over each candidate's counted attempt: distribution by tenths of the maximum, pass rates per unit and type. */
    public Summary summary(long examId, JianduPrincipal me, Long unitId) {
        Exam e = exams.find(examId);
        List<ResultRow> all = rows(e, raw(examId, scope(me, unitId), null, null));
        List<ResultRow> counted = all.stream().filter(ResultRow::counted).toList();
        Map<String, Integer> distribution = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            distribution.put(i * 10 + "-" + (i == 9 ? 100 : i * 10 + 9), 0);
        }
        for (ResultRow r : counted) {
            int bucket = Math.min(9, r.percent().intValue() / 10);
            distribution.merge(bucket * 10 + "-" + (bucket == 9 ? 100 : bucket * 10 + 9), 1, Integer::sum);
        }
        Map<String, List<ResultRow>> byUnit = new TreeMap<>();
        Map<String, List<ResultRow>> byType = new TreeMap<>();
        counted.forEach(r -> {
            byUnit.computeIfAbsent(r.orgUnitId(), k -> new ArrayList<>()).add(r);
            byType.computeIfAbsent(r.userType(), k -> new ArrayList<>()).add(r);
        });
        var locale = LocaleContextHolder.getLocale();
        List<Rate> units = byUnit.entrySet().stream().map(en -> rate(en.getKey(), en.getValue().get(0).unitName(),
                en.getValue())).toList();
        List<Rate> types = byType.entrySet().stream().map(en -> rate(en.getKey(),
                messages.getMessage("role." + en.getKey(), null, en.getKey(), locale), en.getValue())).toList();
        Rate total = rate("", "", counted);
        return new Summary(String.valueOf(e.id()), e.title(), all.size(), counted.size(), total.passed(),
                total.passRate(), total.meanPercent(), distribution, units, types,
                (int) all.stream().filter(ResultRow::autoSubmitted).count(),
                (int) all.stream().filter(r -> r.hiddenCount() > 0).count());
    }

    private static Rate rate(String key, String name, List<ResultRow> rows) {
        int passed = (int) rows.stream().filter(ResultRow::passed).count();
        Double rate = rows.isEmpty() ? null : ItemAnalysis.round((double) passed / rows.size(), 4);
        Double mean = rows.isEmpty() ? null
                : ItemAnalysis.round(rows.stream().mapToDouble(r -> r.percent().doubleValue()).average().orElse(0), 1);
        return new Rate(key, name, rows.size(), passed, rate, mean);
    }

    public byte[] xlsx(long examId, JianduPrincipal me, Long unitId) {
        Exam e = exams.find(examId);
        List<ResultRow> rows = rows(e, raw(examId, scope(me, unitId), null, null));
        var locale = LocaleContextHolder.getLocale();
        String[] columns = {"name", "unit", "type", "number", "score", "maxScore", "percent", "passed", "counted",
                "startedAt", "submittedAt", "autoSubmitted", "hiddenCount", "hiddenSeconds", "regradeCount"};
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(messages.getMessage("exam.export.sheet", null, "results", locale));
            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.length; i++) {
                header.createCell(i).setCellValue(messages.getMessage("exam.export." + columns[i], null, columns[i],
                        locale));
            }
            String yes = messages.getMessage("exam.yes", null, "Y", locale);
            String no = messages.getMessage("exam.no", null, "N", locale);
            int n = 1;
            for (ResultRow r : rows) {
                Row row = sheet.createRow(n++);
                row.createCell(0).setCellValue(r.displayName());
                row.createCell(1).setCellValue(r.unitName());
                row.createCell(2).setCellValue(messages.getMessage("role." + r.userType(), null, r.userType(), locale));
                row.createCell(3).setCellValue(r.number());
                row.createCell(4).setCellValue(r.score().doubleValue());
                row.createCell(5).setCellValue(r.maxScore().doubleValue());
                row.createCell(6).setCellValue(r.percent().doubleValue());
                row.createCell(7).setCellValue(r.passed() ? yes : no);
                row.createCell(8).setCellValue(r.counted() ? yes : no);
                row.createCell(9).setCellValue(r.startedAt() == null ? "" : r.startedAt().toString());
                row.createCell(10).setCellValue(r.submittedAt() == null ? "" : r.submittedAt().toString());
                row.createCell(11).setCellValue(r.autoSubmitted() ? yes : no);
                row.createCell(12).setCellValue(r.hiddenCount());
                row.createCell(13).setCellValue(r.hiddenSeconds());
                row.createCell(14).setCellValue(r.regradeCount());
            }
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Item analysis over every submitted attempt of the exam (the office's view; not scoped). */
    public ItemAnalysis.Report analysis(long examId) {
        exams.find(examId);
        List<ItemAnalysis.Mark> marks = new ArrayList<>();
        jdbc.sql("""
                SELECT i.attempt_id, i.question_id, i.position, i.score, i.points, i.answer
                FROM exam_attempt_item i JOIN exam_attempt a ON a.id = i.attempt_id
                WHERE a.exam_id = :e AND a.status = 'SUBMITTED'""").param("e", examId)
                .query(rs -> {
                    String answer = rs.getString(6);
                    marks.add(new ItemAnalysis.Mark(rs.getLong(1), rs.getLong(2), rs.getInt(3),
                            rs.getBigDecimal(4) == null ? 0 : rs.getBigDecimal(4).doubleValue(),
                            rs.getBigDecimal(5).doubleValue(), answer == null ? List.of() : Json.strings(answer)));
                });
        return ItemAnalysis.of(marks);
    }
}
