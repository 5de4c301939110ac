package cn.jiandu.exam.web;

import cn.jiandu.exam.domain.Paper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The paper form as typed: fixed questions ticked from the bank, and rule rows (category, tag, difficulty, count,
 * points) given as parallel lists. A row with neither category nor count is no rule; the rows shown again after a
 * refusal are the rules sent, in order, so {@code rules[i]} of a refusal is row i.
 */
public record PaperForm(String title, Boolean partialCredit, String fixedPoints, List<String> fixedQuestionIds,
        List<String> ruleCategory, List<String> ruleTag, List<String> ruleDifficulty, List<String> ruleCount,
        List<String> rulePoints) {

    static final int BLANK_ROWS = 3;

    public record Row(String category, String tag, String difficulty, String count, String points) {
    }

    public PaperForm {
        fixedQuestionIds = fixedQuestionIds == null ? List.of() : List.copyOf(fixedQuestionIds);
    }

    static PaperForm blank() {
        return new PaperForm("", false, "1", List.of(), null, null, null, null, null);
    }

    static PaperForm of(Paper p) {
        List<String> c = new ArrayList<>();
        List<String> t = new ArrayList<>();
        List<String> d = new ArrayList<>();
        List<String> n = new ArrayList<>();
        List<String> pts = new ArrayList<>();
        for (Paper.Rule r : p.rules()) {
            c.add(r.category());
            t.add(r.tag() == null ? "" : r.tag());
            d.add(r.difficulty() == null ? "" : String.valueOf(r.difficulty()));
            n.add(String.valueOf(r.count()));
            pts.add(r.points().toPlainString());
        }
        return new PaperForm(p.title(), p.partialCredit(),
                p.fixedPoints() == null ? "1" : p.fixedPoints().toPlainString(), p.fixedQuestionIds(), c, t, d, n,
                pts);
    }

    /** The rules sent (blank rows dropped), then {@link #BLANK_ROWS} empty rows to add more. */
    public List<Row> rows() {
        List<Row> out = new ArrayList<>(sent());
        for (int i = 0; i < BLANK_ROWS; i++) {
            out.add(new Row("", "", "", "", ""));
        }
        return out;
    }

    private List<Row> sent() {
        List<Row> out = new ArrayList<>();
        int size = ruleCategory == null ? 0 : ruleCategory.size();
        for (int i = 0; i < size; i++) {
            Row r = new Row(at(ruleCategory, i), at(ruleTag, i), at(ruleDifficulty, i), at(ruleCount, i),
                    at(rulePoints, i));
            if (!r.category().isBlank() || !r.count().isBlank()) {
                out.add(r);
            }
        }
        return out;
    }

    private static String at(List<String> list, int i) {
        return list == null || i >= list.size() || list.get(i) == null ? "" : list.get(i).strip();
    }

    Paper toPaper(Long id) {
        List<Paper.Rule> rules = sent().stream().map(r -> new Paper.Rule(r.category(), r.tag(), integer(r.difficulty()),
                integer(r.count()), decimal(r.points()))).toList();
        // blank: the default (1 point); not a number: 0, which the paper refuses as points
        BigDecimal fixed = fixedPoints == null || fixedPoints.isBlank() ? null
                : java.util.Optional.ofNullable(decimal(fixedPoints)).orElse(BigDecimal.ZERO);
        return new Paper(id, title, fixedQuestionIds, rules, Boolean.TRUE.equals(partialCredit), fixed);
    }

    private static Integer integer(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static BigDecimal decimal(String s) {
        try {
            return s == null || s.isBlank() ? null : new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
