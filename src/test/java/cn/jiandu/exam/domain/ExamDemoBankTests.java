package cn.jiandu.exam.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Every line of the demo bank is a valid question (checked without a database, naming the bad lines). */
class ExamDemoBankTests {

    @Test
    void everyDemoQuestionPassesTheBanksChecks() throws Exception {
        String text = new ClassPathResource("exam/demo-bank.txt").getContentAsString(StandardCharsets.UTF_8);
        List<String> bad = new ArrayList<>();
        int n = 0;
        String keys = "ABCDEFGH";
        for (String line : text.lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            n++;
            String[] f = line.split("\\|", -1);
            if (f.length != 8) {
                bad.add(f.length + " fields: " + line);
                continue;
            }
            QuestionType type = QuestionType.valueOf(f[0]);
            List<QuestionOption> options = new ArrayList<>();
            if (type.hasOptions()) {
                String[] texts = f[5].split(";");
                for (int i = 0; i < texts.length; i++) {
                    options.add(new QuestionOption(String.valueOf(keys.charAt(i)), texts[i]));
                }
            }
            List<String> answer = type == QuestionType.FILL ? List.of(f[6].split("/")) : List.of(f[6].split(","));
            var problems = QuestionBank.problems(new Question(null, type, f[4], options, answer, f[7], f[1],
                    List.of(f[3].split(",")), Integer.valueOf(f[2]), null));
            if (!problems.isEmpty()) {
                bad.add(problems + ": " + line);
            }
        }
        assertThat(bad).isEmpty();
        assertThat(n).isGreaterThanOrEqualTo(120);
    }
}
