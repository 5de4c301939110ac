package cn.jiandu.problem.domain;

import cn.jiandu.files.FilePolicy;
import cn.jiandu.files.FileStore;
import cn.jiandu.files.StoredBlob;
import cn.jiandu.problem.ProblemProperties;
import cn.jiandu.shared.web.ApiException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Photos of a report. Each upload is kept as sent (for the discipline office) and re-encoded with ImageIO into a
 * clean JPEG and a thumbnail: re-encoding drops every metadata segment (EXIF, GPS), which is what handlers get.
 */
@Service
public class PhotoService {

    static final int THUMB = 320;

    public record PhotoRow(long id, long problemId, Long stepId, long originalBlobId, long cleanBlobId,
            long thumbBlobId) {
    }

    private final FileStore files;
    private final JdbcClient jdbc;
    private final ProblemProperties props;

    PhotoService(FileStore files, JdbcClient jdbc, ProblemProperties props) {
        this.files = files;
        this.jdbc = jdbc;
        this.props = props;
    }

    /** Checks the count before anything is stored. */
    public void checkCount(List<MultipartFile> photos) {
        if (photos != null && photos.size() > props.maxPhotos()) {
            throw ApiException.invalidField("photos", "problem.error.tooManyPhotos", props.maxPhotos());
        }
    }

    /** Stores the photos of a report (or, with a step id, the evidence of a reply). Call inside the transaction. */
    public void attach(long problemId, Long stepId, List<MultipartFile> photos) {
        if (photos == null) {
            return;
        }
        checkCount(photos);
        int order = 0;
        for (MultipartFile photo : photos) {
            if (photo.isEmpty()) {
                continue;
            }
            StoredBlob original;
            try (InputStream in = photo.getInputStream()) {
                original = files.store(in, FilePolicy.images(props.maxPhotoBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            BufferedImage image = decode(original.id());
            StoredBlob clean = storeJpeg(image);
            StoredBlob thumb = storeJpeg(scale(image, THUMB));
            jdbc.sql("""
                    INSERT INTO problem_photo (problem_id, step_id, original_blob_id, clean_blob_id, thumb_blob_id,
                        sort_order) VALUES (:problem, :step, :original, :clean, :thumb, :sort)""")
                    .param("problem", problemId).param("step", stepId).param("original", original.id())
                    .param("clean", clean.id()).param("thumb", thumb.id()).param("sort", order++).update();
        }
    }

    public List<PhotoRow> of(long problemId) {
        return jdbc.sql("""
                SELECT id, problem_id, step_id, original_blob_id, clean_blob_id, thumb_blob_id FROM problem_photo
                WHERE problem_id = :id ORDER BY id""").param("id", problemId).query(PhotoRow.class).list();
    }

    public Optional<PhotoRow> find(long problemId, long photoId) {
        return jdbc.sql("""
                SELECT id, problem_id, step_id, original_blob_id, clean_blob_id, thumb_blob_id FROM problem_photo
                WHERE problem_id = :problem AND id = :id""").param("problem", problemId).param("id", photoId)
                .query(PhotoRow.class).optional();
    }

    private BufferedImage decode(long blobId) {
        try (InputStream in = files.open(blobId).getInputStream()) {
            BufferedImage image = ImageIO.read(in);
            if (image == null) {
                throw ApiException.invalidField("photos", "problem.error.photoUnreadable");
            }
            return image;
        } catch (IOException e) {
            throw ApiException.invalidField("photos", "problem.error.photoUnreadable");
        }
    }

    private StoredBlob storeJpeg(BufferedImage image) {
        byte[] bytes = toJpeg(image);
        return files.store(new ByteArrayInputStream(bytes), FilePolicy.images(Math.max(bytes.length,
                props.maxPhotoBytes())));
    }

    /** Re-encodes as a plain JPEG: pixels only, no metadata. */
    static byte[] toJpeg(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(rgb, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static BufferedImage scale(BufferedImage image, int max) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (w <= max && h <= max) {
            return image;
        }
        double f = (double) max / Math.max(w, h);
        int nw = Math.max(1, (int) Math.round(w * f));
        int nh = Math.max(1, (int) Math.round(h * f));
        BufferedImage out = new BufferedImage(nw, nh, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, nw, nh, null);
        g.dispose();
        return out;
    }
}
