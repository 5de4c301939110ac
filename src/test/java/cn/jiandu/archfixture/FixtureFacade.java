package cn.jiandu.archfixture;

import cn.jiandu.archfixture.domain.CleanService;

/** Breaks {@code API_NEVER_REACHES_BACK} on purpose: a module API that hands out a domain class. */
public class FixtureFacade {

    public CleanService service() {
        return new CleanService();
    }
}
