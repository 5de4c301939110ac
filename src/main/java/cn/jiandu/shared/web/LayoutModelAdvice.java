package cn.jiandu.shared.web;

import cn.jiandu.shared.security.CurrentUser;
import cn.jiandu.shared.security.JianduPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** Puts the signed-in user and his navigation entries into every page's model. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModelAdvice {

    private final List<NavEntry> entries;

    LayoutModelAdvice(List<NavEntry> entries) {
        this.entries = entries.stream().sorted(Comparator.comparingInt(NavEntry::order)).toList();
    }

    @ModelAttribute("me")
    JianduPrincipal me() {
        return CurrentUser.find().orElse(null);
    }

    /** This page again in the other language, its query kept (filters, tabs, the page of a list). */
    @ModelAttribute("languageSwitchUrl")
    String languageSwitchUrl(HttpServletRequest request) {
        String other = "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "zh-CN" : "en";
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam("lang", other).build().toUriString();
    }

    @ModelAttribute("nav")
    List<NavEntry> nav() {
        return CurrentUser.find().map(me -> entries.stream().filter(e -> e.visibleTo().test(me)).toList())
                .orElse(List.of());
    }
}
