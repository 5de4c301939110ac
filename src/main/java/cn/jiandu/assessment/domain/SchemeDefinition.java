package cn.jiandu.assessment.domain;

import cn.jiandu.shared.security.Role;
import java.util.List;
import java.util.Optional;

/** A 考核套餐 as the admin writes it: for one supervisor type and year. */
public record SchemeDefinition(Role type, Integer year, List<Dimension> dimensions, Grades grades) {

    public SchemeDefinition {
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
    }

    public Optional<Indicator> indicator(String code) {
        return dimensions.stream().flatMap(d -> d.indicators().stream()).filter(i -> i.code().equals(code))
                .findFirst();
    }
}
