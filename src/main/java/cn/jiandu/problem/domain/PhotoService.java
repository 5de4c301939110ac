package cn.jiandu.problem.domain;

import cn.jiandu.shared.Refusal;
import cn.jiandu.files.FilePolicy;
import cn.jiandu.files.FileStore;
import cn.jiandu.files.StoredBlob;
import cn.jiandu.problem.ProblemProperties;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import cn.jiandu.shared.Upload;

/**
 * Photos of a report. Each upload is kept as sent (for the discipline office) and re-encoded with ImageIO into a
 * clean JPEG and a thumbnail: re-encoding drops every metadata segment (EXIF, GPS), which is what handlers get.
 */
@Service
public class PhotoService {

    static final int THUMB = 320;
    /** A photo decodes to 4 bytes a pixel: refuse decompression bombs (a small file that decodes to gigabytes). */
    static final long MAX_PIXELS = 40_000_000L;
    /**
     * Decoding and re-encoding needs tens of MB per photo; bounding how many run at once keeps a node inside a small
     * heap under a burst of submissions (the benchmark ran out of memory at 16 concurrent submissions with -Xmx256m).
     */
    private final Semaphore imageWork = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

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
    public void checkCount(List<Upload> photos) {
        if (photos != null && photos.size() > props.maxPhotos()) {
            throw Refusal.invalidField("photos", "problem.error.tooManyPhotos", props.maxPhotos());
        }
    }

    /** Stores the photos of a report (or, with a step id, the evidence of a reply). Call inside the transaction. */
    public void attach(long problemId, Long stepId, List<Upload> photos) {
        if (photos == null) {
            return;
        }
        checkCount(photos);
        int order = 0;
        for (Upload photo : photos) {
            if (photo.isEmpty()) {
                continue;
            }
            StoredBlob original;
            try (InputStream in = photo.open()) {
                original = files.store(in, FilePolicy.images(props.maxPhotoBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            StoredBlob clean;
            StoredBlob thumb;
            acquireImageWork();
            try {
                BufferedImage image = decode(original.id());
                clean = storeJpeg(image);
                thumb = storeJpeg(scale(image, THUMB));
            } finally {
                imageWork.release();
            }
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
                WHERE problem_id = :id ORDER BY id""").param("id", problemId).query(PhotoService::mapPhoto).list();
    }

    public Optional<PhotoRow> find(long problemId, long photoId) {
        return jdbc.sql("""
                SELECT id, problem_id, step_id, original_blob_id, clean_blob_id, thumb_blob_id FROM problem_photo
                WHERE problem_id = :problem AND id = :id""").param("problem", problemId).param("id", photoId)
                .query(PhotoService::mapPhoto).optional();
    }

    private static PhotoRow mapPhoto(ResultSet rs, int n) throws SQLException {
        // wasNull() answers for the column read last: read step_id on its own, then ask
        long stepValue = rs.getLong("step_id");
        Long step = rs.wasNull() ? null : stepValue;
        return new PhotoRow(rs.getLong("id"), rs.getLong("problem_id"), step,
                rs.getLong("original_blob_id"), rs.getLong("clean_blob_id"), rs.getLong("thumb_blob_id"));
    }

    private void acquireImageWork() {
        try {
            if (!imageWork.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new Refusal(Refusal.Kind.UNAVAILABLE, "error.busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refusal(Refusal.Kind.UNAVAILABLE, "error.busy");
        }
    }

    /** Decodes after checking the declared dimensions, so an oversized image is refused before it is inflated. */
    private BufferedImage decode(long blobId) {
        try (InputStream in = files.open(blobId).getInputStream();
                ImageInputStream iis = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = iis == null ? null : ImageIO.getImageReaders(iis);
            if (readers == null || !readers.hasNext()) {
                throw Refusal.invalidField("photos", "problem.error.photoUnreadable");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                    throw Refusal.invalidField("photos", "problem.error.photoTooManyPixels", MAX_PIXELS / 1_000_000);
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Refusal refusal) {
                throw refusal;
            }
            throw Refusal.invalidField("photos", "problem.error.photoUnreadable");
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
