package cn.jiandu.audit.chain;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the chain's head goes every day ({@code jiandu.audit.head-export.*}). {@code dir} should be a mount the
 * database's administrators cannot write (another host, a WORM bucket's sync folder); {@code webhook}, when set,
 * receives the same JSON by POST, e.g. a chat robot or a timestamping service of the security team.
 */
@ConfigurationProperties("jiandu.audit.head-export")
public record AuditHeadProperties(Path dir, URI webhook) {
}
