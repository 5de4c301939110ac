package cn.jiandu.archfixture.domain;

import cn.jiandu.archfixture.web.FixturePages;
import org.springframework.http.HttpStatus;
import org.springframework.web.multipart.MultipartFile;

/** Breaks {@code DOMAIN_KNOWS_NO_HTTP} on purpose, three ways: a multipart part, an HTTP status, a web class. */
public class LeakyService {

    public HttpStatus store(MultipartFile part) {
        return part.isEmpty() ? HttpStatus.BAD_REQUEST : HttpStatus.CREATED;
    }

    public String page() {
        return new FixturePages().name();
    }
}
