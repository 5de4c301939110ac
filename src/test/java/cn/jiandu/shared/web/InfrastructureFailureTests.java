package cn.jiandu.shared.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Finding 4 of issue 15: the database down and the disk full reached clients as Spring's bare 500. The API's
 * exception handler (the one the application uses, with the application's bundles) answers 503 with Retry-After and
 * 507, as problem details in the caller's language; other data-access failures stay a 500, but a problem detail.
 */
class InfrastructureFailureTests {

    @RestController
    static class Failing {
        @GetMapping("/api/v1/t/pool")
        String pool() {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
        }

        @GetMapping("/api/v1/t/tx")
        String tx() {
            throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction");
        }

        @GetMapping("/api/v1/t/disk")
        String disk() {
            throw new UncheckedIOException(new IOException("No space left on device"));
        }

        @GetMapping("/api/v1/t/other")
        String other() {
            throw new org.springframework.dao.DataIntegrityViolationException("boom");
        }
    }

    MockMvc mvc() throws IOException {
        return MockMvcBuilders.standaloneSetup(new Failing())
                .setControllerAdvice(new ApiExceptionHandler(new MessagesConfig().messageSource()))
                .setLocaleResolver(new JianduLocaleResolver()).build();
    }

    @Test
    void theDatabaseUnreachableIs503WithRetryAfter() throws Exception {
        MockMvc mvc = mvc();
        for (String path : new String[] {"/api/v1/t/pool", "/api/v1/t/tx"}) {
            mvc.perform(get(path).header("Accept-Language", "zh-CN"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "10"))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(503))
                    .andExpect(jsonPath("$.detail").value("数据库暂时不可用，请稍后重试"));
        }
        mvc.perform(get("/api/v1/t/pool").header("Accept-Language", "en"))
                .andExpect(jsonPath("$.detail").value("The database is unavailable for the moment, please retry shortly"));
    }

    @Test
    void aFullDiskIs507() throws Exception {
        mvc().perform(get("/api/v1/t/disk").header("Accept-Language", "en"))
                .andExpect(status().isInsufficientStorage())
                .andExpect(header().doesNotExist("Retry-After"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Insufficient storage"))
                .andExpect(jsonPath("$.detail").value("The storage is full; nothing could be saved"));
    }

    @Test
    void anyOtherDataAccessFailureIsA500ProblemDetail() throws Exception {
        mvc().perform(get("/api/v1/t/other").header("Accept-Language", "zh-CN"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("服务器内部错误，请稍后重试"));
    }
}
