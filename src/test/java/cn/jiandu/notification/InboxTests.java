package cn.jiandu.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.identity.security.JianduUserDetailsService;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import cn.jiandu.support.Pages;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class InboxTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Inbox inbox;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JianduUserDetailsService users;

    @Test
    void anEventIsDeliveredOnlyAfterTheSenderCommits() throws Exception {
        long team7 = userId("team7");
        String marker = "事件-" + UUID.randomUUID();
        tx.executeWithoutResult(s -> {
            events.publishEvent(new NotificationRequested(List.of(team7), "notification.welcome", List.of(marker),
                    "/problems/1"));
            assertThat(rowsWith(marker)).as("not before commit").isZero();
        });
        awaitRows(marker, 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE ?")
                .param("%" + marker + "%").query(Long.class).single())
                .as("the event went through the persistent publication registry").isEqualTo(1);
        awaitCompleted(marker);

        String rolledBack = "回滚-" + UUID.randomUUID();
        tx.executeWithoutResult(s -> {
            events.publishEvent(new NotificationRequested(List.of(team7), "notification.welcome",
                    List.of(rolledBack), null));
            s.setRollbackOnly();
        });
        Thread.sleep(500);
        assertThat(rowsWith(rolledBack)).isZero();
    }

    @Test
    void rendersInTheReadersLanguageAndPagesNewestFirst() throws Exception {
        long team8 = userId("team8");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            notify(team8, tag + "-" + i, "/x/" + i);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = get("/api/v1/notifications").param("size", "2");
            if (cursor != null) {
                request.param("cursor", cursor);
            }
            JsonNode body = Api.json(mvc.perform(Api.as(mvc, "team8", request)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString());
            assertThat(body.get("items").size()).isLessThanOrEqualTo(2);
            body.get("items").forEach(item -> seen.add(item.get("message").asString()));
            cursor = body.get("nextCursor").isNull() ? null : body.get("nextCursor").asString();
            pages++;
        } while (cursor != null && pages < 100);
        List<String> mine = seen.stream().filter(m -> m.contains(tag)).toList();
        assertThat(mine).containsExactly("欢迎使用监督平台，" + tag + "-4！", "欢迎使用监督平台，" + tag + "-3！",
                "欢迎使用监督平台，" + tag + "-2！", "欢迎使用监督平台，" + tag + "-1！", "欢迎使用监督平台，" + tag + "-0！");
        assertThat(seen).doesNotHaveDuplicates();

        mvc.perform(Api.as(mvc, "team8", get("/api/v1/notifications").param("size", "1"))
                        .header("Accept-Language", "en"))
                .andExpect(jsonPath("$.items[0].message").value("Welcome to Jiandu, " + tag + "-4!"))
                .andExpect(jsonPath("$.items[0].link").value("/x/4"))
                .andExpect(jsonPath("$.items[0].read").value(false))
                .andExpect(jsonPath("$.items[0].id").isString())
                .andExpect(jsonPath("$.items[0].createdAt").value(containsString("+08:00")));
        mvc.perform(Api.as(mvc, "team8", get("/api/v1/notifications").param("size", "101")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aUserOnlyEverReachesHisOwnNotifications() throws Exception {
        long inspector7 = userId("inspector7");
        String tag = UUID.randomUUID().toString();
        notify(inspector7, tag, null);
        long id = jdbc.sql("SELECT id FROM notification WHERE args LIKE ?").param("%" + tag + "%")
                .query(Long.class).single();

        mvc.perform(Api.as(mvc, "team9", post("/api/v1/notifications/" + id + "/read")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/inbox/" + id + "/open").with(Pages.as(users, "team9")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(Api.as(mvc, "team9", get("/api/v1/notifications").param("size", "100")))
                .andExpect(content().string(not(containsString(tag))));
        assertThat(readAt(id)).isFalse();

        mvc.perform(Api.as(mvc, "inspector7", post("/api/v1/notifications/" + id + "/read")))
                .andExpect(status().isNoContent());
        assertThat(readAt(id)).isTrue();
        mvc.perform(Api.as(mvc, "inspector7", get("/api/v1/notifications").param("unread", "true")
                        .param("size", "100")))
                .andExpect(content().string(not(containsString(tag))));
    }

    @Test
    void badgeShowsTheUnreadCountOrNothing() throws Exception {
        long team6 = userId("team6");
        mvc.perform(Api.as(mvc, "team6", post("/api/v1/notifications/read-all"))).andExpect(status().isNoContent());
        assertThat(inbox.unreadCount(team6)).isZero();
        mvc.perform(get("/inbox/badge").with(Pages.as(users, "team6")).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(""));

        notify(team6, "a", null);
        notify(team6, "b", null);
        mvc.perform(get("/inbox/badge").with(Pages.as(users, "team6")).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string("2"));
    }

    @Test
    void inboxPageListsAndMarksReadThroughHtmx() throws Exception {
        long team5 = userId("team5");
        String tag = "页面-" + UUID.randomUUID().toString().substring(0, 8);
        notify(team5, tag, "/problems/7");
        long id = jdbc.sql("SELECT id FROM notification WHERE args LIKE ?").param("%" + tag + "%")
                .query(Long.class).single();

        mvc.perform(get("/inbox").with(Pages.as(users, "team5")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<nav")))
                .andExpect(content().string(containsString("欢迎使用监督平台，" + tag)))
                .andExpect(content().string(containsString("/inbox/" + id + "/open")));
        mvc.perform(post("/inbox/" + id + "/read").with(Pages.as(users, "team5")).with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-read=\"true\"")))
                .andExpect(content().string(containsString("hx-swap-oob=\"true\"")))
                .andExpect(header().string("HX-Trigger", "jd-inbox-changed"))
                .andExpect(content().string(not(containsString("<nav"))));
        assertThat(readAt(id)).isTrue();

        notify(team5, tag + "-2", "/problems/8");
        mvc.perform(post("/inbox/read-all").with(Pages.as(users, "team5")).with(csrf()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"inbox-list\"")));
        assertThat(inbox.unreadCount(team5)).isZero();

        long second = jdbc.sql("SELECT id FROM notification WHERE args LIKE ?").param("%" + tag + "-2%")
                .query(Long.class).single();
        jdbc.sql("UPDATE notification SET read_at = NULL WHERE id = ?").param(second).update();
        // finding 15 of issue 15: a GET changed state; it is refused now and the notification stays unread
        mvc.perform(get("/inbox/" + second + "/open").with(Pages.as(users, "team5")))
                .andExpect(status().isMethodNotAllowed());
        assertThat(inbox.unreadCount(team5)).isEqualTo(1);
        mvc.perform(post("/inbox/" + second + "/open").with(Pages.as(users, "team5")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/problems/8"));
        assertThat(inbox.unreadCount(team5)).isZero();
    }

    @Test
    void linksLeavingJianduAreDropped() {
        long team4 = userId("team4");
        String tag = UUID.randomUUID().toString();
        notify(team4, tag, "//evil.example/phish");
        assertThat(jdbc.sql("SELECT link FROM notification WHERE args LIKE ?").param("%" + tag + "%")
                .query(String.class).optional()).isEmpty();
    }

    private void notify(long recipient, String arg, String link) {
        tx.executeWithoutResult(s -> inbox.post(new NotificationRequested(List.of(recipient, recipient),
                "notification.welcome", List.of(arg), link)));
    }

    private long userId(String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
    }

    private long rowsWith(String marker) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE args LIKE ?").param("%" + marker + "%")
                .query(Long.class).single();
    }

    private boolean readAt(long id) {
        return jdbc.sql("SELECT read_at FROM notification WHERE id = ?").param(id).query(java.sql.Timestamp.class)
                .optional().isPresent();
    }

    private void awaitCompleted(String marker) throws InterruptedException {
        String sql = "SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE ? AND completion_date IS NOT NULL";
        long deadline = System.currentTimeMillis() + 10_000;
        while (jdbc.sql(sql).param("%" + marker + "%").query(Long.class).single() == 0
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(jdbc.sql(sql).param("%" + marker + "%").query(Long.class).single()).isEqualTo(1);
    }

    private void awaitRows(String marker, long expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (rowsWith(marker) < expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(rowsWith(marker)).isEqualTo(expected);
    }
}
