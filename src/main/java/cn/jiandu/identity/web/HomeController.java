package cn.jiandu.identity.web;

import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.shared.security.JianduPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: what this user's roles let him do, as tiles that fit a phone. */
@Controller
class HomeController {

    private final OrgDirectory org;

    HomeController(OrgDirectory org) {
        this.org = org;
    }

    @GetMapping("/")
    String home(JianduPrincipal me, Model model) {
        model.addAttribute("roles", me.roles().stream().sorted().toList());
        model.addAttribute("unitName", org.find(me.orgUnitId()).map(OrgUnitView::name).orElse(""));
        return "identity/home";
    }
}
