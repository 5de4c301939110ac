package cn.jiandu.shared.paging;

import java.util.List;
import java.util.function.Function;

/** A page of a growing list: {@code {"items":[...],"nextCursor":string|null}}. */
public record CursorPage<T>(List<T> items, String nextCursor) {

    public <R> CursorPage<R> map(Function<T, R> f) {
        return new CursorPage<>(items.stream().map(f).toList(), nextCursor);
    }

    /**
     * Builds a page from {@code size + 1} fetched rows: the extra row only says there is more.
     */
    public static <T> CursorPage<T> of(List<T> fetched, int size, Function<T, String> cursorOf) {
        if (fetched.size() > size) {
            List<T> items = fetched.subList(0, size);
            return new CursorPage<>(List.copyOf(items), cursorOf.apply(items.get(size - 1)));
        }
        return new CursorPage<>(List.copyOf(fetched), null);
    }
}
