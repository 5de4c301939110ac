package cn.jiandu.shared.web;

import java.io.IOException;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every module keeps its strings in {@code i18n/<module>_zh_CN.properties} and {@code i18n/<module>_en.properties};
 * all such bundles found on the class path are loaded, so a new module needs no configuration here.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfig {

    @Bean
    MessageSource messageSource() throws IOException {
        TreeSet<String> basenames = new TreeSet<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*_zh_CN.properties")) {
            String name = r.getFilename();
            basenames.add("classpath:i18n/" + name.substring(0, name.length() - "_zh_CN.properties".length()));
        }
        ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
        source.setBasenames(basenames.toArray(String[]::new));
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(JianduLocaleResolver.ZH);
        return source;
    }
}
