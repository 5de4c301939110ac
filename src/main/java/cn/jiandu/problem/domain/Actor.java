package cn.jiandu.problem.domain;

/** Who does a step, and on which side: the reporter is never named to the handling side. */
public record Actor(Long id, Side side) {

    public enum Side { REPORTER, HANDLER, ADMIN, SYSTEM }

    public static final Actor SYSTEM = new Actor(null, Side.SYSTEM);

    public static Actor reporter(long id) {
        return new Actor(id, Side.REPORTER);
    }

    public static Actor handler(long id) {
        return new Actor(id, Side.HANDLER);
    }

    public static Actor admin(long id) {
        return new Actor(id, Side.ADMIN);
    }
}
