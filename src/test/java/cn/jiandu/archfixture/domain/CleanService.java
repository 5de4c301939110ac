package cn.jiandu.archfixture.domain;

import cn.jiandu.shared.Refusal;

/** Keeps the rule: refuses with {@link Refusal}, knows no HTTP. */
public class CleanService {

    public void refuse() {
        throw Refusal.conflict("fixture.error");
    }
}
