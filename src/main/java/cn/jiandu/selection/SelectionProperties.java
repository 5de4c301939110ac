package cn.jiandu.selection;

import cn.jiandu.shared.security.Role;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code jiandu.selection.*}: terms of office, the register's warning window and the criteria's thresholds.
 *
 * @param defaultTerm        the term of an appointment whose type names none in {@code terms} (three years)
 * @param terms              the term per supervisor type, e.g. {@code jiandu.selection.terms.GRID_SUPERVISOR=P2Y}
 * @param expiringWithinDays the register flags (and reminds the office of) appointments ending within this many days
 * @param minFrontlineYears  素质关: the least 一线工作年限 a candidate should have
 * @param termOverCron       when the daily job ends the appointments whose term is over
 * @param keyDepartments     the departments whose teams should each have a 班组监督员 (the coverage view)
 * @param keyDir             where the certificate signing key lives (default {@code ${jiandu.data-dir}/keys})
 * @param publicBaseUrl      the address the certificate's QR code points to (the public verification page)
 */
@ConfigurationProperties("jiandu.selection")
public record SelectionProperties(@DefaultValue("P3Y") Period defaultTerm, Map<Role, Period> terms,
        @DefaultValue("60") int expiringWithinDays, @DefaultValue("3") int minFrontlineYears,
        @DefaultValue("0 5 0 * * *") String termOverCron,
        @DefaultValue({"市场经营部", "政企客户部", "工程建设部", "网络部"}) java.util.List<String> keyDepartments,
        String keyDir, @DefaultValue("http://localhost:8080") String publicBaseUrl) {

    public SelectionProperties {
        keyDepartments = java.util.List.copyOf(keyDepartments);
        terms = terms == null || terms.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(terms));
        if (defaultTerm.isNegative() || defaultTerm.isZero()) {
            throw new IllegalArgumentException("jiandu.selection.default-term must be positive");
        }
        terms.forEach((role, term) -> {
            if (!role.isSupervisor() || term.isNegative() || term.isZero()) {
                throw new IllegalArgumentException("jiandu.selection.terms." + role + ": a supervisor type and a"
                        + " positive period");
            }
        });
    }

    /** The term of office of a type. */
    public Period termOf(Role type) {
        return terms.getOrDefault(type, defaultTerm);
    }

    /** The last day of a term that starts on {@code start}: a three-year term from 2026-03-01 ends 2029-02-28. */
    public LocalDate termEnd(Role type, LocalDate start) {
        return start.plus(termOf(type)).minusDays(1);
    }
}
