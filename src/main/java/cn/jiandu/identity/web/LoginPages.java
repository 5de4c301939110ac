package cn.jiandu.identity.web;

import cn.jiandu.identity.security.LoginThrottledException;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginPages {

    private final MessageSource messages;

    LoginPages(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * The failure message never says whether the account exists; a throttled attempt says how long to wait; a
     * disabled account whose password was right is told to ask an admin.
     */
    @GetMapping("/login")
    String login(Model model, HttpSession session) {
        Object ex = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (ex instanceof AuthenticationException) {
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            var locale = LocaleContextHolder.getLocale();
            model.addAttribute("loginError", ex instanceof LoginThrottledException t
                    ? messages.getMessage("auth.error.throttled", new Object[] {t.waitSeconds()}, locale)
                    : ex instanceof DisabledException
                    ? messages.getMessage("auth.error.disabled", null, locale)
                    : messages.getMessage("auth.error.badCredentials", null, locale));
        }
        return "identity/login";
    }
}
