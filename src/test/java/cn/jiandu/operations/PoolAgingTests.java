package cn.jiandu.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Finding 17 of issue 15: calendar edits answered 500 from about 30 minutes after the first start. Root cause: H2
 * compiles {@code CHECK (kind IN (...))} with the migrating session as the comparator of its constant set; Hikari
 * retires that connection after its 30-minute lifetime and every insert then fails with "The database has been
 * closed". Here the pool's connections are aged at once (soft eviction closes every one, the migration's included if
 * it came from the pool), then a calendar day is written through the API.
 */
@IntegrationTest
class PoolAgingTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    DataSource dataSource;

    @Test
    void writesKeepWorkingAfterThePoolReplacedEveryConnection() throws Exception {
        HikariDataSource pool = (HikariDataSource) dataSource;
        int before = pool.getHikariPoolMXBean().getTotalConnections();
        pool.getHikariPoolMXBean().softEvictConnections();
        assertThat(before).isPositive();
        for (String date : new String[] {"2033-07-09", "2033-07-10"}) {
            mvc.perform(Api.as(mvc, "admin", put("/api/v1/calendar/days/" + date))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(Api.write(Map.of("kind", "WORKDAY", "name", "连接老化测试"))))
                    .andExpect(status().isOk());
            mvc.perform(Api.as(mvc, "admin", delete("/api/v1/calendar/days/" + date)))
                    .andExpect(status().isNoContent());
        }
    }
}
