package cn.jiandu.selection.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ed25519 key pair that signs certificate codes. Kept outside the code, in {@code <key-dir>/certificate-signing.key}
 * (PKCS#8, owner-readable only) and {@code .pub} (X.509, published at {@code /api/v1/certificates/public-key}); made
 * on first start when absent. Several nodes must share the directory (as they share the blob store).
 */
public final class CertificateKeys {

    private static final Logger log = LoggerFactory.getLogger(CertificateKeys.class);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    public CertificateKeys(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    public static CertificateKeys generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new CertificateKeys(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 unavailable", e);
        }
    }

    /** Loads the pair from {@code dir}, making and storing a new one when there is none. */
    public static synchronized CertificateKeys loadOrCreate(Path dir) {
        Path priv = dir.resolve("certificate-signing.key");
        Path pub = dir.resolve("certificate-signing.pub");
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            if (Files.exists(priv) && Files.exists(pub)) {
                PrivateKey p = factory.generatePrivate(new PKCS8EncodedKeySpec(decode(priv)));
                PublicKey q = factory.generatePublic(new X509EncodedKeySpec(decode(pub)));
                return new CertificateKeys(p, q);
            }
            Files.createDirectories(dir);
            CertificateKeys keys = generate();
            Path tmp = Files.createTempFile(dir, "certificate-signing", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the directory's ACL applies
            }
            Files.writeString(tmp, Base64.getEncoder().encodeToString(keys.privateKey.getEncoded()) + "\n",
                    StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            Files.writeString(pub, keys.publicPem(), StandardCharsets.US_ASCII);
            Files.move(tmp, priv, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            log.info("selection: made a new certificate signing key in {}", dir.toAbsolutePath());
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("certificate signing key in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("certificate signing key in " + dir + " is unreadable", e);
        }
    }

    private static byte[] decode(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(text);
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The public key as PEM (SubjectPublicKeyInfo), for offline checkers. */
    public String publicPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(publicKey.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }
}
