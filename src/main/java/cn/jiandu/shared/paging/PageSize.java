package cn.jiandu.shared.paging;

import cn.jiandu.shared.Refusal;

/** The {@code size} parameter: default 20, at most 100. */
public final class PageSize {

    public static final int DEFAULT = 20;
    public static final int MAX = 100;

    private PageSize() {
    }

    public static int of(Integer requested) {
        if (requested == null) {
            return DEFAULT;
        }
        if (requested < 1 || requested > MAX) {
            throw Refusal.invalidField("size", "error.pageSize", MAX);
        }
        return requested;
    }
}
