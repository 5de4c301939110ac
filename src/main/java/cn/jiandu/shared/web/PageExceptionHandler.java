package cn.jiandu.shared.web;

import cn.jiandu.shared.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Refusals on pages become a readable page (or an htmx fragment) in the user's language. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    private final MessageSource messages;

    PageExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(Refusal.class)
    String handle(Refusal ex, Model model, HttpServletRequest request, HttpServletResponse response) {
        HtmxRequest hx = HtmxRequest.of(request);
        int status = RefusalStatus.of(ex).value();
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message",
                messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(), LocaleContextHolder.getLocale()));
        return hx.fragmentOrPage("error/fragment :: message", "error/page");
    }

    @ExceptionHandler(AccessDeniedException.class)
    String denied(Model model, HttpServletRequest request, HttpServletResponse response) {
        return handle(ApiException.forbidden(), model, request, response);
    }
}
