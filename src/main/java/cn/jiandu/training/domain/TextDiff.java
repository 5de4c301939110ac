package cn.jiandu.training.domain;

import java.util.ArrayList;
import java.util.List;

/** A line diff (longest common subsequence) of two texts, for what changed between two handbook versions. */
public final class TextDiff {

    public enum Op {
        SAME, ADDED, REMOVED
    }

    public record Line(Op op, String text) {
    }

    private TextDiff() {
    }

    public static List<Line> lines(String before, String after) {
        String[] a = (before == null ? "" : before).split("\\R", -1);
        String[] b = (after == null ? "" : after).split("\\R", -1);
        int n = a.length;
        int m = b.length;
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a[i].equals(b[j])) {
                out.add(new Line(Op.SAME, a[i]));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new Line(Op.REMOVED, a[i++]));
            } else {
                out.add(new Line(Op.ADDED, b[j++]));
            }
        }
        while (i < n) {
            out.add(new Line(Op.REMOVED, a[i++]));
        }
        while (j < m) {
            out.add(new Line(Op.ADDED, b[j++]));
        }
        return out;
    }

    public static boolean changed(List<Line> lines) {
        return lines.stream().anyMatch(l -> l.op() != Op.SAME);
    }
}
