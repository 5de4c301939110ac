package cn.jiandu.files.domain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.FileStore;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code blobStore}: the free space of the file system under the blob root, DOWN
 * below {@code jiandu.files.min-free-space} (health stayed UP with the data directory full) or when the root is not
 * writable.
 */
@Component("blobStore")
class BlobStoreHealth extends AbstractHealthIndicator {

    private final FilesProperties props;

    BlobStoreHealth(FilesProperties props) {
        super("blob store check failed");
        this.props = props;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws IOException {
        FileStore fs = Files.getFileStore(props.root());
        long free = fs.getUsableSpace();
        long threshold = props.minFreeSpace().toBytes();
        boolean writable = Files.isWritable(props.root());
        (free >= threshold && writable ? builder.up() : builder.down())
                .withDetail("free", free).withDetail("total", fs.getTotalSpace()).withDetail("threshold", threshold)
                .withDetail("writable", writable);
    }
}
