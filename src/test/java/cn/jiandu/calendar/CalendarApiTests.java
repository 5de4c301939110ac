package cn.jiandu.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.identity.security.JianduUserDetailsService;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import cn.jiandu.support.Pages;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class CalendarApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    WorkingCalendar calendar;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JianduUserDetailsService users;

    @Test
    void anySignedInUserReadsTheSeededYear() throws Exception {
        mvc.perform(Api.as(mvc, "grid1", get("/api/v1/calendar/days").param("year", "2026")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(39))
                .andExpect(jsonPath("$[?(@.date == '2026-10-10')].kind").value("WORKDAY"))
                .andExpect(jsonPath("$[?(@.date == '2026-10-01')].name").value("国庆节"));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 9))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 10));
    }

    @Test
    void adminAddsAndRemovesAHolidayAuditedAndTheCalendarFollowsAtOnce() throws Exception {
        LocalDate tuesday = LocalDate.of(2031, 5, 6);
        assertThat(calendar.isWorkingDay(tuesday)).isTrue();
        mvc.perform(Api.as(mvc, "admin", put("/api/v1/calendar/days/2031-05-06"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Api.write(Map.of("kind", "HOLIDAY", "name", "测试假日"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.date").value("2031-05-06"))
                .andExpect(jsonPath("$.kind").value("HOLIDAY"));
        assertThat(calendar.isWorkingDay(tuesday)).isFalse();
        mvc.perform(Api.as(mvc, "grid1", get("/api/v1/calendar/days").param("year", "2031")))
                .andExpect(jsonPath("$[?(@.date == '2031-05-06')].name").value("测试假日"));
        assertThat(auditCount("calendar.day.put", "2031-05-06")).isEqualTo(1);

        mvc.perform(Api.as(mvc, "admin", delete("/api/v1/calendar/days/2031-05-06")))
                .andExpect(status().isNoContent());
        assertThat(calendar.isWorkingDay(tuesday)).isTrue();
        assertThat(auditCount("calendar.day.delete", "2031-05-06")).isEqualTo(1);
        mvc.perform(Api.as(mvc, "admin", delete("/api/v1/calendar/days/2031-05-06")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aMakeUpWorkdayMustBeAWeekendDayAndFieldsAreChecked() throws Exception {
        mvc.perform(Api.as(mvc, "admin", put("/api/v1/calendar/days/2032-03-03"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Api.write(Map.of("kind", "WORKDAY", "name", "周三调休"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        mvc.perform(Api.as(mvc, "admin", put("/api/v1/calendar/days/2032-03-03"))
                        .contentType(MediaType.APPLICATION_JSON).content(Api.write(Map.of("kind", "HOLIDAY"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(Api.as(mvc, "admin", get("/api/v1/calendar/days").param("year", "1899")))
                .andExpect(status().isBadRequest());
        assertThat(calendar.isWorkingDay(LocalDate.of(2032, 3, 3))).isTrue();
    }

    @Test
    void onlyCalendarManagersMayChangeDays() throws Exception {
        mvc.perform(Api.as(mvc, "grid1", put("/api/v1/calendar/days/2031-05-10"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Api.write(Map.of("kind", "WORKDAY", "name", "越权"))))
                .andExpect(status().isForbidden());
        mvc.perform(Api.as(mvc, "grid1", delete("/api/v1/calendar/days/2026-10-01")))
                .andExpect(status().isForbidden());
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 5, 10))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
    }

    @Test
    void adminPageListsTheYearAndEditsThroughHtmx() throws Exception {
        mvc.perform(get("/calendar").param("year", "2026").with(Pages.as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<nav")))
                .andExpect(content().string(containsString("国庆节调休")))
                .andExpect(content().string(containsString("href=\"/calendar\"")));
        mvc.perform(post("/calendar").with(Pages.as(users, "admin")).with(csrf()).header("HX-Request", "true")
                        .param("date", "2033-06-07").param("kind", "HOLIDAY").param("name", "页面测试节"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("页面测试节")))
                .andExpect(content().string(containsString("id=\"calendar-days\"")))
                .andExpect(content().string(not(containsString("<nav"))));
        assertThat(calendar.isWorkingDay(LocalDate.of(2033, 6, 7))).isFalse();
        mvc.perform(post("/calendar/2033-06-07/delete").with(Pages.as(users, "admin")).with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("页面测试节"))));
        assertThat(calendar.isWorkingDay(LocalDate.of(2033, 6, 7))).isTrue();
    }

    @Test
    void nonAdminGets403OnThePage() throws Exception {
        mvc.perform(get("/calendar").with(Pages.as(users, "grid1"))).andExpect(status().isForbidden());
        mvc.perform(get("/").with(Pages.as(users, "grid1")))
                .andExpect(content().string(not(containsString("href=\"/calendar\""))));
    }

    private long auditCount(String action, String target) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = ? AND target_id = ?")
                .params(action, target).query(Long.class).single();
    }
}
