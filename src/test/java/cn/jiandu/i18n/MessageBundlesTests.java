package cn.jiandu.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the message bundles honest: every {@code i18n/*_zh_CN.properties} has an {@code _en} twin with exactly the
 * same keys, no value is blank, and every static {@code #{key}} a template uses exists in Chinese.
 */
class MessageBundlesTests {

    private static final Path I18N = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** {@code #{some.key}} or {@code #{some.key(args)}}; dynamic keys ({@code #{${...}}}) do not match. */
    private static final Pattern MESSAGE_EXPRESSION = Pattern.compile("#\\{\\s*([A-Za-z0-9_.\\-]+)\\s*[}(]");

    @Test
    void everyChineseBundleHasAnEnglishTwinWithTheSameKeys() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path zh : bundles("_zh_CN.properties")) {
            String base = zh.getFileName().toString().replace("_zh_CN.properties", "");
            Path en = I18N.resolve(base + "_en.properties");
            if (!Files.exists(en)) {
                problems.add(base + ": no " + en.getFileName());
                continue;
            }
            Set<String> zhKeys = load(zh).keySet();
            Set<String> enKeys = load(en).keySet();
            TreeSet<String> onlyZh = new TreeSet<>(zhKeys);
            onlyZh.removeAll(enKeys);
            TreeSet<String> onlyEn = new TreeSet<>(enKeys);
            onlyEn.removeAll(zhKeys);
            if (!onlyZh.isEmpty()) {
                problems.add(base + ": missing in _en: " + onlyZh);
            }
            if (!onlyEn.isEmpty()) {
                problems.add(base + ": missing in _zh_CN: " + onlyEn);
            }
        }
        for (Path en : bundles("_en.properties")) {
            String base = en.getFileName().toString().replace("_en.properties", "");
            if (!Files.exists(I18N.resolve(base + "_zh_CN.properties"))) {
                problems.add(base + ": an _en bundle without _zh_CN (Chinese comes first)");
            }
        }
        assertThat(bundles("_zh_CN.properties")).as("message bundles under " + I18N).isNotEmpty();
        assertThat(problems).as("bundles out of step").isEmpty();
    }

    @Test
    void noMessageIsBlank() throws IOException {
        List<String> blank = new ArrayList<>();
        for (Path bundle : bundles(".properties")) {
            load(bundle).forEach((k, v) -> {
                if (v.isBlank()) {
                    blank.add(bundle.getFileName() + ": " + k);
                }
            });
        }
        assertThat(blank).as("blank messages").isEmpty();
    }

    @Test
    void everyKeyUsedInATemplateExistsInChinese() throws IOException {
        Set<String> known = new TreeSet<>();
        for (Path zh : bundles("_zh_CN.properties")) {
            known.addAll(load(zh).keySet());
        }
        Map<String, String> missing = new TreeMap<>();
        int used = 0;
        List<Path> templates;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            templates = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        for (Path template : templates) {
            Matcher m = MESSAGE_EXPRESSION.matcher(Files.readString(template, StandardCharsets.UTF_8));
            while (m.find()) {
                used++;
                if (!known.contains(m.group(1))) {
                    missing.putIfAbsent(m.group(1), TEMPLATES.relativize(template).toString());
                }
            }
        }
        assertThat(used).as("#{...} expressions found in templates").isPositive();
        assertThat(missing).as("message keys used in templates (key -> first template) but not in any _zh_CN bundle")
                .isEmpty();
    }

    @Test
    void theExpressionPatternSkipsDynamicKeys() {
        assertThat(MESSAGE_EXPRESSION.matcher("th:text=\"#{${r.messageKey()}}\"").find()).isFalse();
        Matcher m = MESSAGE_EXPRESSION.matcher("th:text=\"#{home.welcome(${me.displayName})}\"");
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo("home.welcome");
    }

    private static List<Path> bundles(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(I18N)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static Map<String, String> load(Path bundle) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, String> map = new TreeMap<>();
        p.forEach((k, v) -> map.put((String) k, (String) v));
        return map;
    }
}
