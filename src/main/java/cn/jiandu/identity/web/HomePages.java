package cn.jiandu.identity.web;

import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.web.HomeAgenda;
import cn.jiandu.shared.web.NavAttention;
import cn.jiandu.shared.web.NavEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: what this user's roles let him do, as tiles that fit a phone, each with what waits there. */
@Controller
class HomePages {

    private final OrgDirectory org;
    private final List<NavAttention> attention;
    private final List<HomeAgenda> agendas;

    HomePages(OrgDirectory org, List<NavAttention> attention, List<HomeAgenda> agendas) {
        this.org = org;
        this.attention = attention;
        this.agendas = agendas;
    }

    @GetMapping("/")
    String home(JianduPrincipal me, Model model) {
        @SuppressWarnings("unchecked")
        List<NavEntry> tiles = (List<NavEntry>) model.getAttribute("nav");
        Map<String, Long> waiting = new HashMap<>();
        for (NavAttention a : attention) {
            if (tiles != null && tiles.stream().anyMatch(e -> e.href().equals(a.href()))) {
                long n = a.waitingFor(me);
                if (n > 0) {
                    waiting.merge(a.href(), n, Long::sum);
                }
            }
        }
        model.addAttribute("waiting", waiting);
        model.addAttribute("agenda", agendas.stream().flatMap(a -> a.itemsFor(me).stream()).toList());
        model.addAttribute("roles", me.roles().stream().sorted().toList());
        model.addAttribute("unitName", org.find(me.orgUnitId()).map(OrgUnitView::name).orElse(""));
        return "identity/home";
    }
}
