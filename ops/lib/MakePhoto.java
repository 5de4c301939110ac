import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/** Writes a small PNG photo with random noise (so every run's blob is new): {@code java MakePhoto.java out.png}. */
public class MakePhoto {

    public static void main(String[] args) throws Exception {
        BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(40, 90, 160));
        g.fillRect(0, 0, 320, 240);
        java.util.Random r = new java.util.Random();
        for (int i = 0; i < 2000; i++) {
            img.setRGB(r.nextInt(320), r.nextInt(240), r.nextInt(0xFFFFFF));
        }
        g.dispose();
        ImageIO.write(img, "png", new File(args[0]));
    }
}
