package cn.jiandu.archfixture.web;

/** A web class a fixture domain class reaches for (which it must not). */
public class FixturePages {

    public String name() {
        return "fixture";
    }
}
