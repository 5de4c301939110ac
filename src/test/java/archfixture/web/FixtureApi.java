package archfixture.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Within both rules: a {@code @RestController} is an API, not pages, and other headers may be read by hand. */
@RestController
public class FixtureApi {

    @GetMapping("/archfixture/api")
    public String get(@RequestHeader(value = "Accept-Language", required = false) String language) {
        return language;
    }
}
