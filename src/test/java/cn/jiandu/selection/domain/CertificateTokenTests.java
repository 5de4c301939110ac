package cn.jiandu.selection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.shared.security.Role;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The QR's signed code: genuine codes verify, any altered byte, truncation, garbage or another key does not. */
class CertificateTokenTests {

    private static final CertificateKeys KEYS = CertificateKeys.generate();
    private static final CertificateToken.Content CONTENT = new CertificateToken.Content("JDZS-2026-0007",
            Role.GRID_SUPERVISOR, "吴*涛", LocalDate.of(2025, 4, 10), LocalDate.of(2028, 4, 9));

    @Test
    void aGenuineCodeVerifiesToItsContentAndIsCompact() {
        String code = CertificateToken.sign(CONTENT, KEYS);
        assertThat(code.length()).isLessThan(200);
        assertThat(code).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(CertificateToken.verify(code, KEYS.publicKey())).contains(CONTENT);
    }

    @Test
    void everyFlippedCharacterMakesItInvalid() {
        String code = CertificateToken.sign(CONTENT, KEYS);
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '.') {
                continue;
            }
            char flipped = c == 'A' ? 'B' : 'A';
            String altered = code.substring(0, i) + flipped + code.substring(i + 1);
            assertThat(CertificateToken.verify(altered, KEYS.publicKey())).as("position %d", i).isEmpty();
        }
    }

    @Test
    void truncatedGarbageAndForeignCodesAreInvalidNeverAnError() {
        String code = CertificateToken.sign(CONTENT, KEYS);
        for (String bad : new String[] {null, "", ".", "abc", "a.b.c", code.substring(0, code.length() - 3),
                code.substring(0, code.indexOf('.')), "!!!." + code.substring(code.indexOf('.') + 1),
                code + "x".repeat(400)}) {
            assertThat(CertificateToken.verify(bad, KEYS.publicKey())).as(String.valueOf(bad)).isEmpty();
        }
        assertThat(CertificateToken.verify(code, CertificateKeys.generate().publicKey())).isEmpty();
    }

    @Test
    void namesAreMaskedToTheirFirstAndLastCharacter() {
        assertThat(CertificateToken.mask("吴海涛")).isEqualTo("吴*涛");
        assertThat(CertificateToken.mask("黄伟")).isEqualTo("黄*");
        assertThat(CertificateToken.mask("欧阳春晓")).isEqualTo("欧**晓");
        assertThat(CertificateToken.mask("李")).isEqualTo("*");
    }

    @Test
    void keysSurviveARestartFromTheirDirectory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        CertificateKeys first = CertificateKeys.loadOrCreate(dir);
        String code = CertificateToken.sign(CONTENT, first);
        CertificateKeys again = CertificateKeys.loadOrCreate(dir);
        assertThat(CertificateToken.verify(code, again.publicKey())).contains(CONTENT);
        assertThat(again.publicPem()).startsWith("-----BEGIN PUBLIC KEY-----");
    }
}
