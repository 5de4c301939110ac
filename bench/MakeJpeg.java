import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageOutputStream;

/**
 * Benchmark helper (not part of the application): writes a real baseline JPEG of a phone-photo-like size, a colour
 * gradient plus noise so that it does not compress below about TARGET bytes. The quality is searched (bisection) so
 * the file lands near the target.
 *   java bench/MakeJpeg.java out.jpg [width=2048] [height=1536] [seed=1] [targetBytes=1048576]
 */
public class MakeJpeg {

    public static void main(String[] args) throws Exception {
        File out = new File(args[0]);
        int w = args.length > 1 ? Integer.parseInt(args[1]) : 2048;
        int h = args.length > 2 ? Integer.parseInt(args[2]) : 1536;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        long target = args.length > 4 ? Long.parseLong(args[4]) : 1048576;
        Random rnd = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int n = (int) (rnd.nextGaussian() * 14);
                int r = clamp(60 + 120 * x / w + n);
                int g = clamp(90 + 100 * y / h + n);
                int b = clamp(140 - 60 * (x + y) / (w + h) + n);
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        float lo = 0.05f;
        float hi = 1.0f;
        for (int i = 0; i < 12; i++) {
            float q = (lo + hi) / 2;
            long size = write(img, out, q);
            if (Math.abs(size - target) < target / 50) {
                break;
            }
            if (size > target) {
                hi = q;
            } else {
                lo = q;
            }
        }
        System.out.println(out + " " + w + "x" + h + " " + out.length() + " bytes");
    }

    private static long write(BufferedImage img, File out, float quality) throws Exception {
        out.delete();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpg").next();
        ImageWriteParam p = writer.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(quality);
        try (FileImageOutputStream s = new FileImageOutputStream(out)) {
            writer.setOutput(s);
            writer.write(null, new IIOImage(img, null, null), p);
        } finally {
            writer.dispose();
        }
        return out.length();
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
