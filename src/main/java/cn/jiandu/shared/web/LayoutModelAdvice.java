package cn.jiandu.shared.web;

import cn.jiandu.shared.security.CurrentUser;
import cn.jiandu.shared.security.JianduPrincipal;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

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

    @ModelAttribute("nav")
    List<NavEntry> nav() {
        return CurrentUser.find().map(me -> entries.stream().filter(e -> e.visibleTo().test(me)).toList())
                .orElse(List.of());
    }
}
