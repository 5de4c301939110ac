package cn.jiandu.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class SharingDemoDataTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void demoSpacesHoldRealFilesAndOnePublishedBlob() throws Exception {
        long highlights = Fixtures.folder(mvc, "team2", "TEAM_SUPERVISOR", "HIGHLIGHTS");
        String listing = mvc.perform(Api.as(mvc, "team2", get("/api/v1/folders/{id}/entries", highlights)
                .param("q", "渠道走访记录"))).andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(Api.json(listing).get("items").get(0).get("id").asString());
        byte[] pdf = mvc.perform(Api.as(mvc, "team2", get("/api/v1/files/{id}/content", id))).andReturn()
                .getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 8)).startsWith("%PDF-1.4");

        Set<Long> blobs = new HashSet<>(jdbc.sql("SELECT blob_id FROM sharing_entry WHERE name = :n")
                .param("n", "2026年监督业务培训课件.pdf").query(Long.class).list());
        long copies = jdbc.sql("SELECT COUNT(*) FROM sharing_entry WHERE name = :n")
                .param("n", "2026年监督业务培训课件.pdf").query(Long.class).single();
        assertThat(copies).isGreaterThanOrEqualTo(3);
        assertThat(blobs).hasSize(1);
        assertThat(jdbc.sql("SELECT code FROM sharing_duty_period WHERE code LIKE '2026Q%' ORDER BY code")
                .query(String.class).list()).containsExactly("2026Q1", "2026Q2", "2026Q3", "2026Q4");
    }
}
