package cn.jiandu.shared.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat refused an encoded {@code /} ({@code %2F}) in a path itself, with its own HTML page: it now passes it on
 * undecoded, and Spring Security's request firewall (which refuses encoded slashes, {@code ..}, {@code ;} and NUL)
 * answers the 400 — through the error dispatch, so the API's refusal is a problem detail like any other.
 */
@Configuration(proxyBeanMethods = false)
class TomcatRequestRefusals {

    @Bean
    TomcatConnectorCustomizer encodedSlashesToTheFirewall() {
        return connector -> connector.setEncodedSolidusHandling("passthrough");
    }
}
