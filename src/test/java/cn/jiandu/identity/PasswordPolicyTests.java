package cn.jiandu.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiandu.identity.domain.PasswordPolicy;
import cn.jiandu.shared.Refusal;
import org.junit.jupiter.api.Test;

/**
 * Finding 11 of issue 15 (ASVS 5.0 V6.2): the old policy accepted {@code password1}, {@code Jiandu@2026},
 * {@code qwerty123} and username+1 and refused a passphrase and a Chinese password for lacking a digit.
 */
class PasswordPolicyTests {

    static String refusal(String password, String username) {
        try {
            PasswordPolicy.check("newPassword", password, username);
            return null;
        } catch (Refusal r) {
            assertThat(r.fieldErrors()).extracting(Refusal.FieldError::field).containsExactly("newPassword");
            return r.fieldErrors().get(0).messageKey();
        }
    }

    @Test
    void commonPasswordsAndTheProductsNameAreRefused() {
        assertThat(refusal("password1", "zhang3")).isEqualTo("user.error.commonPassword");
        assertThat(refusal("qwerty123", "zhang3")).isEqualTo("user.error.commonPassword");
        assertThat(refusal("iloveyou", "zhang3")).isEqualTo("user.error.commonPassword");
        assertThat(refusal("Jiandu@2026", "zhang3")).isEqualTo("user.error.commonPassword");
        assertThat(refusal("我的监督密码2026", "zhang3")).isEqualTo("user.error.commonPassword");
    }

    @Test
    void theUsernameInThePasswordIsRefused() {
        assertThat(refusal("handler71", "handler7")).isEqualTo("user.error.passwordHasUsername");
        assertThat(refusal("My-Handler7-Pass", "handler7")).isEqualTo("user.error.passwordHasUsername");
    }

    @Test
    void passphrasesAndChineseAreAcceptedWithoutCompositionRules() {
        assertThat(refusal("correct horse battery staple", "zhang3")).isNull();
        assertThat(refusal("密码密码密码密码", "zhang3")).isNull();
        assertThat(refusal("onlylowercaseletters", "zhang3")).isNull();
        assertThat(refusal("Start1234x", "zhang3")).isNull();
    }

    @Test
    void lengthIsCountedInCharactersEightTo128() {
        assertThat(refusal("短密码七个字符", "zhang3")).as("7 characters").isEqualTo("user.error.weakPassword");
        assertThat(refusal("天".repeat(8).replace("天天", "天地"), "zhang3")).isNull();
        assertThat(refusal("x".repeat(120) + "12345678z", "zhang3")).as("129 characters")
                .isEqualTo("user.error.weakPassword");
        assertThatThrownBy(() -> PasswordPolicy.check("p", null)).isInstanceOf(Refusal.class);
    }

    @Test
    void oneTimePasswordsPassThePolicy() {
        for (int i = 0; i < 50; i++) {
            String otp = PasswordPolicy.oneTimePassword();
            assertThatCode(() -> PasswordPolicy.check("p", otp, "someone")).doesNotThrowAnyException();
        }
    }
}
