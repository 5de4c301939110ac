package cn.jiandu.shared.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;

/**
 * JSON bodies mean what they say (findings 15 and 18 of issue 15): {@code "days": 1.5} was truncated to 1 and
 * {@code "days": 1e3} accepted as 1000; {@code {"action": 7}} was read as the enum's eighth constant. Both are now
 * 400 naming the field.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    JsonMapperBuilderCustomizer strictNumbers() {
        return builder -> builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    }
}
