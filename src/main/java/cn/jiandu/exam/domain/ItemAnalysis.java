package cn.jiandu.exam.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * 试题分析 with the definitions of the Moodle quiz statistics report, computed over the attempts that saw each
 * question:
 * <ul>
 * <li>facility = mean mark / maximum mark (0..1; Moodle prints it as a percentage);</li>
 * <li>discrimination index = 100 × the correlation of the question's mark with the rest of the paper's mark (the
 * attempt's total less this question);</li>
 * <li>discriminative efficiency = 100 × cov(mark, rest) / the largest covariance the two distributions allow (both
 * sorted in the same order);</li>
 * <li>Cronbach's alpha = k/(k−1) × (1 − Σ item variances / total variance) over the questions every attempt saw
 * (a fixed paper), else over the positions of the paper.</li>
 * </ul>
 * Flags: {@code TOO_EASY} facility above 0.90, {@code TOO_HARD} below 0.10, {@code LOW_EFFICIENCY} efficiency below
 * 15, {@code WEAK_DISCRIMINATION} discrimination below 30, {@code NEGATIVE_DISCRIMINATION} below 0 (likely a wrong
 * key). With fewer than {@value #RELIABLE_ATTEMPTS} attempts the figures are marked unreliable.
 */
public final class ItemAnalysis {

    public static final int RELIABLE_ATTEMPTS = 30;

    private ItemAnalysis() {
    }

    /** One question of one attempt: its mark, maximum, position and the answer given (option keys or text). */
    public record Mark(long attemptId, long questionId, int position, double score, double max, List<String> answer) {
    }

    public record QuestionStats(String questionId, int attempts, Double facility, Double discrimination,
            Double efficiency, Map<String, Double> optionShares, List<String> flags) {
    }

    public record Report(int attempts, Double meanScore, Double alpha, boolean reliable, List<QuestionStats> questions) {
    }

    public static Report of(List<Mark> marks) {
        // attempts and questions to dense indexes once; everything after works on primitive arrays
        Map<Long, Integer> attemptIndex = new java.util.HashMap<>();
        Map<Long, Integer> questionIndex = new TreeMap<>();
        for (Mark m : marks) {
            attemptIndex.putIfAbsent(m.attemptId(), attemptIndex.size());
            questionIndex.putIfAbsent(m.questionId(), 0);
        }
        int qi = 0;
        for (var e : questionIndex.entrySet()) {
            e.setValue(qi++);
        }
        int n = attemptIndex.size();
        double[] totals = new double[n];
        int[] attemptOf = new int[marks.size()];
        int[] questionOf = new int[marks.size()];
        int[] perQuestion = new int[questionIndex.size()];
        for (int i = 0; i < marks.size(); i++) {
            Mark m = marks.get(i);
            attemptOf[i] = attemptIndex.get(m.attemptId());
            questionOf[i] = questionIndex.get(m.questionId());
            totals[attemptOf[i]] += m.score();
            perQuestion[questionOf[i]]++;
        }
        int[][] rows = new int[questionIndex.size()][];
        int[] fill = new int[questionIndex.size()];
        for (int q = 0; q < rows.length; q++) {
            rows[q] = new int[perQuestion[q]];
        }
        for (int i = 0; i < marks.size(); i++) {
            rows[questionOf[i]][fill[questionOf[i]]++] = i;
        }
        Double mean = n == 0 ? null : round(Arrays.stream(totals).average().orElse(0), 2);
        List<QuestionStats> questions = new ArrayList<>();
        for (var e : questionIndex.entrySet()) {
            questions.add(question(e.getKey(), rows[e.getValue()], marks, attemptOf, totals));
        }
        return new Report(n, mean, alpha(marks, attemptOf, questionOf, perQuestion, totals), n >= RELIABLE_ATTEMPTS,
                questions);
    }

    static QuestionStats question(long questionId, int[] rows, List<Mark> marks, int[] attemptOf, double[] totals) {
        int k = rows.length;
        double[] x = new double[k];
        double[] y = new double[k];
        double maxSum = 0;
        Map<String, Integer> chosen = new TreeMap<>();
        for (int i = 0; i < k; i++) {
            Mark m = marks.get(rows[i]);
            x[i] = m.score();
            y[i] = totals[attemptOf[rows[i]]] - m.score();
            maxSum += m.max();
            if (m.answer() == null || m.answer().isEmpty()) {
                chosen.merge("-", 1, Integer::sum);
            } else {
                for (String a : m.answer()) {
                    chosen.merge(a.length() > 40 ? a.substring(0, 40) : a, 1, Integer::sum);
                }
            }
        }
        Double facility = maxSum == 0 ? null : round(Arrays.stream(x).sum() / maxSum, 4);
        double cov = covariance(x, y);
        double sx = Math.sqrt(covariance(x, x));
        double sy = Math.sqrt(covariance(y, y));
        Double discrimination = sx == 0 || sy == 0 ? null : round(100 * cov / (sx * sy), 2);
        double[] xs = x.clone();
        double[] ys = y.clone();
        Arrays.sort(xs);
        Arrays.sort(ys);
        double maxCov = covariance(xs, ys);
        Double efficiency = maxCov == 0 ? null : round(100 * cov / maxCov, 2);
        Map<String, Double> shares = new LinkedHashMap<>();
        chosen.forEach((key, c) -> shares.put(key, round((double) c / k, 4)));
        List<String> flags = new ArrayList<>();
        if (facility != null && facility > 0.90) {
            flags.add("TOO_EASY");
        }
        if (facility != null && facility < 0.10) {
            flags.add("TOO_HARD");
        }
        if (efficiency != null && efficiency < 15) {
            flags.add("LOW_EFFICIENCY");
        }
        if (discrimination != null && discrimination < 0) {
            flags.add("NEGATIVE_DISCRIMINATION");
        } else if (discrimination != null && discrimination < 30) {
            flags.add("WEAK_DISCRIMINATION");
        }
        return new QuestionStats(String.valueOf(questionId), k, facility, discrimination, efficiency, shares, flags);
    }

    /** Sample covariance (n − 1); 0 for fewer than two values. */
    static double covariance(double[] a, double[] b) {
        int n = a.length;
        if (n < 2) {
            return 0;
        }
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (a[i] - ma) * (b[i] - mb);
        }
        return s / (n - 1);
    }

    static Double alpha(List<Mark> marks, int[] attemptOf, int[] questionOf, int[] perQuestion, double[] totals) {
        int n = totals.length;
        if (n < 2) {
            return null;
        }
        // the same questions in every attempt: items are questions; else positions
        boolean fixed = Arrays.stream(perQuestion).allMatch(c -> c == n);
        int k;
        int[] itemOf = new int[marks.size()];
        if (fixed) {
            k = perQuestion.length;
            itemOf = questionOf;
        } else {
            int maxPos = 0;
            for (int i = 0; i < marks.size(); i++) {
                itemOf[i] = marks.get(i).position();
                maxPos = Math.max(maxPos, itemOf[i]);
            }
            k = maxPos + 1;
        }
        if (k < 2) {
            return null;
        }
        double[][] items = new double[k][n];
        for (int i = 0; i < marks.size(); i++) {
            items[itemOf[i]][attemptOf[i]] = marks.get(i).score();
        }
        double sumVar = 0;
        for (double[] item : items) {
            sumVar += covariance(item, item);
        }
        double totalVar = covariance(totals, totals);
        if (totalVar == 0) {
            return null;
        }
        return round((double) k / (k - 1) * (1 - sumVar / totalVar), 4);
    }

    static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}
