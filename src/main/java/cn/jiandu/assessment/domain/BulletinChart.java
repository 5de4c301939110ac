package cn.jiandu.assessment.domain;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;

/** The bulletin's bar chart (a PNG drawn with Java2D, so Word shows it as is), labels in a CJK font if installed. */
final class BulletinChart {

    static final int WIDTH = 560;
    static final int HEIGHT = 280;
    private static final String FONT = pickFont();
    private static final Color[] PALETTE = {new Color(0xB22222), new Color(0x2E86C1), new Color(0x28B463),
        new Color(0xD68910), new Color(0x7D3C98)};

    private BulletinChart() {
    }

    private static String pickFont() {
        List<String> have = Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment()
                .getAvailableFontFamilyNames());
        for (String f : List.of("Noto Sans CJK SC", "Noto Serif CJK SC", "WenQuanYi Micro Hei", "SimSun",
                "Microsoft YaHei")) {
            if (have.contains(f)) {
                return f;
            }
        }
        return Font.SANS_SERIF;
    }

    static byte[] bars(String title, List<String> labels, List<Integer> values) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(FONT, Font.BOLD, 16));
            g.drawString(title, 20, 26);
            int max = Math.max(1, values.stream().mapToInt(Integer::intValue).max().orElse(1));
            int left = 40;
            int bottom = HEIGHT - 40;
            int top = 50;
            int slot = (WIDTH - left - 20) / Math.max(1, values.size());
            g.setStroke(new BasicStroke(1));
            g.drawLine(left, bottom, WIDTH - 20, bottom);
            g.setFont(new Font(FONT, Font.PLAIN, 13));
            for (int i = 0; i < values.size(); i++) {
                int h = (int) Math.round((bottom - top) * (values.get(i) / (double) max));
                int x = left + i * slot + slot / 4;
                g.setColor(PALETTE[i % PALETTE.length]);
                g.fillRect(x, bottom - h, slot / 2, h);
                g.setColor(Color.DARK_GRAY);
                g.drawString(String.valueOf(values.get(i)), x + slot / 4 - 6, bottom - h - 6);
                g.drawString(labels.get(i), x - 4, bottom + 20);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
