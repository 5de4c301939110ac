package cn.jiandu.files.domain;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code jiandu.files.*}.
 *
 * @param root where blobs live (default {@code ${jiandu.data-dir}/blobs}); never a served path
 * @param staging where uploads are received before the checks; must be on the same file system as {@code root} so
 *        that the final move is atomic (default {@code ${jiandu.data-dir}/staging})
 * @param sweepGrace bytes without a row, and staging files, younger than this are never swept (an upload may still be
 *        in flight)
 * @param maxSize a ceiling on every module's own limit ({@code FilePolicy#maxBytes})
 * @param minFreeSpace below this much free space under {@code root} the health check reports the blob store DOWN
 */
@ConfigurationProperties("jiandu.files")
public record FilesProperties(Path root, Path staging, @DefaultValue("24h") Duration sweepGrace,
        @DefaultValue("100MB") DataSize maxSize, @DefaultValue("256MB") DataSize minFreeSpace) {

    public FilesProperties {
        if (root == null || staging == null) {
            throw new IllegalArgumentException("jiandu.files.root and jiandu.files.staging are required");
        }
    }
}
