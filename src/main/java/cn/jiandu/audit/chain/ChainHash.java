package cn.jiandu.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** SHA-256 over the previous hash and an entry's canonical content (length-prefixed fields, nulls marked). */
public final class ChainHash {

    public static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    public static String of(String prevHash, long id, Instant occurredAt, Long actorId, String actorName,
            String action, String targetType, String targetId, String address, String outcome, String detail) {
        StringBuilder canonical = new StringBuilder();
        for (String field : new String[] {prevHash, Long.toString(id), Long.toString(occurredAt.toEpochMilli()),
                actorId == null ? null : actorId.toString(), actorName, action, targetType, targetId, address,
                outcome, detail}) {
            canonical.append(field == null ? "-1:" : field.length() + ":" + field).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
