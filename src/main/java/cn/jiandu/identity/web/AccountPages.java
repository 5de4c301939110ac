package cn.jiandu.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import cn.jiandu.shared.Refusal;
import cn.jiandu.identity.domain.UserService;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.web.ApiException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 我的账户: profile and password change (forced after a one-time password). */
@Controller
class AccountPages {

    private final UserService users;
    private final MessageSource messages;

    AccountPages(UserService users, MessageSource messages) {
        this.users = users;
        this.messages = messages;
    }

    @GetMapping({"/account", "/account/password"})
    String account(JianduPrincipal me, Model model) {
        model.addAttribute("forced", me.mustChangePassword());
        return "identity/account";
    }

    @PostMapping("/account/password")
    String change(JianduPrincipal me, @RequestParam String currentPassword, @RequestParam String newPassword,
            @RequestParam String confirmPassword, Model model, RedirectAttributes redirect,
            HttpServletRequest request) {
        var locale = LocaleContextHolder.getLocale();
        try {
            if (!newPassword.equals(confirmPassword)) {
                throw ApiException.invalidField("confirmPassword", "user.error.confirmMismatch");
            }
            var session = request.getSession(false);
            users.changeOwnPassword(me.id(), currentPassword, newPassword, session == null ? null : session.getId(),
                    null);
        } catch (Refusal e) {
            model.addAttribute("forced", me.mustChangePassword());
            model.addAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
            return "identity/account";
        }
        redirect.addFlashAttribute("notice", messages.getMessage("user.passwordChanged", null, locale));
        return "redirect:/";
    }
}
