package cn.jiandu.audit.chain;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chain's head as it was exported at one moment: the last linked entry, its hash and how many entries the
 * chain held (its length). Kept outside the database, it pins the chain's past: rewriting the whole table (every hash
 * recomputed) still changes the hash at {@code lastId}, which no longer matches the exported one.
 */
public record HeadCheckpoint(long lastId, String headHash, long entries, Instant exportedAt) {

    private static final Pattern JSON = Pattern.compile("\\{\\s*\"lastId\"\\s*:\\s*(\\d+)\\s*,\\s*\"headHash\"\\s*:"
            + "\\s*\"([0-9a-f]{64})\"\\s*,\\s*\"entries\"\\s*:\\s*(\\d+)\\s*,\\s*\"exportedAt\"\\s*:\\s*\"([^\"]+)\"\\s*}\\s*");

    /** One line of JSON; the exact shape {@link #parse} reads back, and what the webhook receives. */
    public String toJson() {
        return "{\"lastId\":" + lastId + ",\"headHash\":\"" + headHash + "\",\"entries\":" + entries
                + ",\"exportedAt\":\"" + exportedAt + "\"}";
    }

    /** Reads what {@link #toJson} wrote; anything else is empty (the reader reports such files, never guesses). */
    public static Optional<HeadCheckpoint> parse(String json) {
        Matcher m = JSON.matcher(json);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new HeadCheckpoint(Long.parseLong(m.group(1)), m.group(2), Long.parseLong(m.group(3)),
                    Instant.parse(m.group(4))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
