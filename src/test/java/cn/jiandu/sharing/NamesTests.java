package cn.jiandu.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.web.RefusalStatus;
import cn.jiandu.sharing.domain.Names;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTests {

    @ParameterizedTest
    @ValueSource(strings = {"a/b.pdf", "a\\b.pdf", "../x.pdf", "x..pdf", "tab\there.pdf", "nl\nx", "", "  ", "."})
    void refusesUnsafeNames(String name) {
        assertThatThrownBy(() -> Names.check(name)).isInstanceOf(Refusal.class)
                .satisfies(e -> assertThat(RefusalStatus.of((Refusal) e).value()).isEqualTo(400));
    }

    @Test
    void countsBytesNotCharacters() {
        assertThat(Names.check("汉".repeat(85))).hasSize(85); // 255 bytes
        assertThatThrownBy(() -> Names.check("汉".repeat(86))).isInstanceOf(Refusal.class);
    }

    @Test
    void numbersNamesTheChineseWay() {
        assertThat(Names.numbered("名称.pdf", 2)).isEqualTo("名称（2）.pdf");
        assertThat(Names.numbered("README", 3)).isEqualTo("README（3）");
        assertThat(Names.numbered("a".repeat(250) + ".pdf", 2).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .hasSizeLessThanOrEqualTo(255);
    }
}
