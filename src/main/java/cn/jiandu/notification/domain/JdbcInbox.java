package cn.jiandu.notification.domain;

import cn.jiandu.shared.Refusal;
import cn.jiandu.notification.Inbox;
import cn.jiandu.notification.NotificationRequested;
import cn.jiandu.shared.paging.Cursor;
import cn.jiandu.shared.paging.CursorPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inbox in the database. Every read and change is keyed by the recipient, so a user only ever reaches his own
 * notifications: another's id is simply not found (404).
 */
@Service
public class JdbcInbox implements Inbox {

    private static final Logger log = LoggerFactory.getLogger(JdbcInbox.class);
    private static final int ARGS_MAX = 4000;
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    JdbcInbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void post(NotificationRequested request) {
        String args = json.writeValueAsString(request.args());
        if (args.length() > ARGS_MAX) {
            throw new IllegalArgumentException("notification arguments too long: " + args.length());
        }
        String link = safeLink(request.link());
        Timestamp now = Timestamp.from(clock.instant());
        for (Long recipient : new LinkedHashSet<>(request.recipientIds())) {
            jdbc.sql("""
                            INSERT INTO notification (recipient_id, message_key, args, link, created_at)
                            VALUES (:recipient, :key, :args, :link, :at)""")
                    .param("recipient", recipient).param("key", request.messageKey()).param("args", args)
                    .param("link", link).param("at", now)
                    .update();
        }
    }

    @Override
    @Transactional(readOnly = true)
    public long unreadCount(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_id = :me AND read_at IS NULL")
                .param("me", userId).query(Long.class).single();
    }

    /** The user's notifications, newest first. */
    @Transactional(readOnly = true)
    public CursorPage<Notification> list(long userId, boolean unreadOnly, int size, String cursor) {
        long before = cursor == null || cursor.isBlank() ? Long.MAX_VALUE : Cursor.decodeLong(cursor);
        String sql = """
                SELECT id, recipient_id, message_key, args, link, created_at, read_at FROM notification
                WHERE recipient_id = :me AND id < :before""" + (unreadOnly ? " AND read_at IS NULL" : "")
                + " ORDER BY id DESC LIMIT :limit";
        List<Notification> rows = jdbc.sql(sql)
                .param("me", userId).param("before", before).param("limit", size + 1)
                .query(this::map).list();
        return CursorPage.of(rows, size, n -> Cursor.encode(n.id()));
    }

    /** The user's own notification, or 404. */
    @Transactional(readOnly = true)
    public Notification find(long userId, long id) {
        return jdbc.sql("""
                        SELECT id, recipient_id, message_key, args, link, created_at, read_at FROM notification
                        WHERE id = :id AND recipient_id = :me""")
                .param("id", id).param("me", userId).query(this::map).optional()
                .orElseThrow(Refusal::notFound);
    }

    /** Marks one of the user's notifications read (again is harmless); 404 if it is not his. */
    @Transactional
    public void markRead(long userId, long id) {
        find(userId, id);
        jdbc.sql("UPDATE notification SET read_at = :at WHERE id = :id AND recipient_id = :me AND read_at IS NULL")
                .param("at", Timestamp.from(clock.instant())).param("id", id).param("me", userId).update();
    }

    /** Returns how many were marked. */
    @Transactional
    public int markAllRead(long userId) {
        return jdbc.sql("UPDATE notification SET read_at = :at WHERE recipient_id = :me AND read_at IS NULL")
                .param("at", Timestamp.from(clock.instant())).param("me", userId).update();
    }

    /** Only paths inside Jiandu: no scheme, no protocol-relative {@code //host}, no backslash tricks. */
    static String safeLink(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        boolean inside = link.startsWith("/") && !link.startsWith("//") && !link.contains("\\")
                && link.length() <= 500 && link.chars().noneMatch(Character::isISOControl);
        if (!inside) {
            log.warn("dropping a notification link that does not point inside Jiandu: {}", link);
            return null;
        }
        return link;
    }

    private Notification map(ResultSet rs, int i) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new Notification(rs.getLong("id"), rs.getLong("recipient_id"), rs.getString("message_key"),
                json.readValue(rs.getString("args"), STRINGS), rs.getString("link"),
                rs.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant());
    }
}
