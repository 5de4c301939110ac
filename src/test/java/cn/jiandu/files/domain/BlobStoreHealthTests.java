package cn.jiandu.files.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.unit.DataSize;

/** Finding 4 of issue 15: health stayed UP with the data directory full. */
class BlobStoreHealthTests {

    @TempDir
    Path dir;

    BlobStoreHealth health(DataSize minFree) {
        return new BlobStoreHealth(new FilesProperties(dir, dir, Duration.ofHours(24), DataSize.ofMegabytes(100),
                minFree));
    }

    @Test
    void upWithRoomDownBelowTheThreshold() {
        assertThat(health(DataSize.ofBytes(1)).health(true).getStatus()).isEqualTo(Status.UP);
        var full = health(DataSize.ofTerabytes(1024 * 1024)).health(true);
        assertThat(full.getStatus()).isEqualTo(Status.DOWN);
        assertThat(full.getDetails()).containsKeys("free", "threshold");
    }
}
