package archfixture.web;

import cn.jiandu.shared.web.HtmxRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Within both rules: named {@code *Pages}, and takes an {@link HtmxRequest}. */
@Controller
public class FixturePages {

    @GetMapping("/archfixture/pages")
    public String page(HtmxRequest hx) {
        return hx.fragmentOrPage("fixture :: fragment", "fixture");
    }
}
