package cn.jiandu.shared.security;

/** Permission codes, RuoYi style ({@code module:verb}); granted to roles in {@link Role}. */
public enum Permission {
    ORG_MANAGE("org:manage"),
    USER_MANAGE("user:manage"),
    AUDIT_READ("audit:read"),
    CALENDAR_MANAGE("calendar:manage"),
    METRICS_READ("metrics:read"),
    PROBLEM_REPORT("problem:report"),
    PROBLEM_HANDLE("problem:handle"),
    PROBLEM_DISPATCH("problem:dispatch"),
    PROBLEM_READ_ALL("problem:read-all"),
    PROBLEM_REVEAL_REPORTER("problem:reveal-reporter"),
    DASHBOARD_READ("dashboard:read"),
    SHARING_MANAGE("sharing:manage");

    private final String code;

    Permission(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
