package cn.jiandu.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiandu.files.domain.BlobSweeper;
import cn.jiandu.files.domain.FilesProperties;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.web.RefusalStatus;
import cn.jiandu.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class FileStoreTests {

    private static final FilePolicy EVERYTHING = FilePolicy.documentsAndMedia(1_000_000);

    @Autowired
    FileStore store;
    @Autowired
    BlobSweeper sweeper;
    @Autowired
    FilesProperties props;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void detectsEachKindFromRealBytes() {
        assertKind(FileSamples.png(), FileKind.PNG, "image/png");
        assertKind(FileSamples.jpeg(), FileKind.JPEG, "image/jpeg");
        assertKind(FileSamples.gif(), FileKind.GIF, "image/gif");
        assertKind(webp(), FileKind.WEBP, "image/webp");
        assertKind(FileSamples.pdf(), FileKind.PDF, "application/pdf");
        assertKind(FileSamples.docx(), FileKind.OOXML,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertKind(FileSamples.xlsx(), FileKind.OOXML,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertKind(FileSamples.xls(), FileKind.LEGACY_OFFICE, "application/vnd.ms-excel");
        assertKind(FileSamples.text(), FileKind.TEXT, "text/plain; charset=UTF-8");
        assertKind(FileSamples.mp4(), FileKind.MP4, "video/mp4");
    }

    @Test
    void refusesWhatIsNotOnTheAllowlistWhateverItsName() {
        for (byte[] bytes : List.of(FileSamples.html(), FileSamples.svg(), FileSamples.elf(), FileSamples.exe(),
                FileSamples.plainZip(), FileSamples.heic(),
                new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2, 3})) {
            assertRefusedAsType(bytes, EVERYTHING);
        }
        // a real PNG where only documents are accepted
        assertRefusedAsType(FileSamples.png(), new FilePolicy(EnumSet.of(FileKind.PDF), 1_000_000));
        // a real xlsx where only images are accepted
        assertRefusedAsType(FileSamples.xlsx(), FilePolicy.images(1_000_000));
    }

    @Test
    void aPolicyAllowingWpsAcceptsOfficeCompoundFilesItCannotTellApart() {
        StoredBlob blob = tx.execute(s -> store.store(in(FileSamples.xls()),
                new FilePolicy(Set.of(FileKind.WPS), 1_000_000)));
        assertThat(blob.kind()).isEqualTo(FileKind.LEGACY_OFFICE);
    }

    @Test
    void keepsSha256AndSizeAndServesTheBytes() throws Exception {
        byte[] pdf = FileSamples.pdf();
        StoredBlob blob = tx.execute(s -> store.store(in(pdf), EVERYTHING));
        assertThat(blob.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
        assertThat(blob.size()).isEqualTo(pdf.length);
        assertThat(store.find(blob.id())).contains(blob);
        try (var in = store.open(blob.id()).getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
        Path file = store.open(blob.id()).getFile().toPath();
        assertThat(file.toAbsolutePath().normalize()).startsWith(props.root().toAbsolutePath().normalize());
        assertThat(file.getFileName().toString()).doesNotContain(".pdf");
    }

    @Test
    void tooLargeIs413AndLeavesNothingBehind() throws IOException {
        Set<Path> stagingBefore = listing(props.staging());
        byte[] big = new byte[300_000];
        java.util.Arrays.fill(big, (byte) 'a');
        assertThatThrownBy(() -> tx.execute(s -> store.store(in(big), new FilePolicy(Set.of(FileKind.TEXT), 100_000))))
                .isInstanceOfSatisfying(Refusal.class,
                        e -> assertThat(RefusalStatus.of(e)).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
        assertThat(listing(props.staging())).isSubsetOf(stagingBefore);
    }

    @Test
    void rollbackLeavesNoRowAndTheSweeperRemovesTheOrphanBytesAfterTheGracePeriod() throws IOException {
        String[] key = new String[1];
        long[] id = new long[1];
        tx.executeWithoutResult(s -> {
            StoredBlob blob = store.store(in(FileSamples.png()), EVERYTHING);
            id[0] = blob.id();
            key[0] = jdbc.sql("SELECT storage_key FROM blob WHERE id = ?").param(blob.id()).query(String.class)
                    .single();
            s.setRollbackOnly();
        });
        assertThat(store.find(id[0])).isEmpty();
        Path orphan = props.root().resolve(key[0]);
        assertThat(orphan).exists();

        sweeper.sweep();
        assertThat(orphan).as("within the grace period an upload may still be in flight").exists();

        Files.setLastModifiedTime(orphan, FileTime.from(Instant.now().minus(props.sweepGrace()).minusSeconds(60)));
        sweeper.sweep();
        assertThat(orphan).doesNotExist();
    }

    @Test
    void sweeperKeepsOldBytesThatHaveARow() throws IOException {
        StoredBlob blob = tx.execute(s -> store.store(in(FileSamples.text()), EVERYTHING));
        Path file = store.open(blob.id()).getFile().toPath();
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofDays(30))));
        sweeper.sweep();
        assertThat(file).exists();
    }

    @Test
    void sweeperRemovesAbandonedStagingFiles() throws IOException {
        Path fresh = store.newStagingFile();
        Path abandoned = store.newStagingFile();
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(props.sweepGrace()).minusSeconds(60)));
        sweeper.sweep();
        assertThat(abandoned).doesNotExist();
        assertThat(fresh).exists();
        Files.delete(fresh);
    }

    @Test
    void deleteRemovesTheBytesOnlyAfterCommit() throws IOException {
        StoredBlob blob = tx.execute(s -> store.store(in(FileSamples.docx()), EVERYTHING));
        Path file = store.open(blob.id()).getFile().toPath();

        tx.executeWithoutResult(s -> {
            store.delete(blob.id());
            assertThat(file).as("bytes stay until the delete commits").exists();
            s.setRollbackOnly();
        });
        assertThat(file).exists();
        assertThat(store.find(blob.id())).isPresent();

        tx.executeWithoutResult(s -> {
            store.delete(blob.id());
            assertThat(file).exists();
        });
        assertThat(file).doesNotExist();
        assertThat(store.find(blob.id())).isEmpty();
        assertThatThrownBy(() -> store.open(blob.id())).isInstanceOfSatisfying(Refusal.class,
                e -> assertThat(RefusalStatus.of(e)).isEqualTo(HttpStatus.NOT_FOUND));
    }

    @Test
    void adoptMovesACompletedStagingFile() throws IOException {
        Path staging = store.newStagingFile();
        Files.write(staging, FileSamples.mp4());
        StoredBlob blob = tx.execute(s -> store.adopt(staging, EVERYTHING));
        assertThat(blob.kind()).isEqualTo(FileKind.MP4);
        assertThat(staging).doesNotExist();
        assertThat(store.open(blob.id()).getContentAsByteArray()).isEqualTo(FileSamples.mp4());

        Path refused = store.newStagingFile();
        Files.write(refused, FileSamples.html());
        assertThatThrownBy(() -> tx.execute(s -> store.adopt(refused, EVERYTHING))).isInstanceOf(Refusal.class);
        assertThat(refused).doesNotExist();
    }

    private void assertKind(byte[] bytes, FileKind kind, String contentType) {
        StoredBlob blob = tx.execute(s -> store.store(in(bytes), EVERYTHING));
        assertThat(blob.kind()).as(kind.name()).isEqualTo(kind);
        assertThat(blob.contentType()).isEqualTo(contentType);
        assertThat(store.find(blob.id()).orElseThrow().kind()).isEqualTo(kind);
    }

    private void assertRefusedAsType(byte[] bytes, FilePolicy policy) {
        assertThatThrownBy(() -> tx.execute(s -> store.store(in(bytes), policy)))
                .isInstanceOfSatisfying(Refusal.class, e -> {
                    assertThat(RefusalStatus.of(e)).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.messageKey()).isEqualTo("files.error.type");
                    assertThat(e.fieldErrors()).extracting(Refusal.FieldError::field).containsExactly("file");
                });
    }

    private static ByteArrayInputStream in(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    private static byte[] webp() {
        return new byte[] {'R', 'I', 'F', 'F', 0x1A, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'L', 0x0D, 0, 0, 0,
                0x2F, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, (byte) 0x88, (byte) 0x88, (byte) 0xFE, 0x07, 0};
    }

    private static Set<Path> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return Set.copyOf(s.toList());
        }
    }
}
