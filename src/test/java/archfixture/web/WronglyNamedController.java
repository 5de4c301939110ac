package archfixture.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * Breaks {@code PAGE_CONTROLLERS_ARE_NAMED_PAGES} (named {@code *Controller}) and {@code HANDLERS_TAKE_HTMX_REQUEST}
 * (reads {@code HX-Request} by hand) on purpose. It lives outside {@code cn.jiandu} so that the application's
 * component scan, which also sees the test classes, never registers it as a real controller.
 */
@Controller
public class WronglyNamedController {

    @GetMapping("/archfixture")
    public String page(@RequestHeader(value = "HX-Request", required = false) String hx) {
        return hx != null ? "fixture :: fragment" : "fixture";
    }
}
