package cn.jiandu.org;

/** An org unit as other modules see it. {@code path} is '/1/5/23/' (ids from the root). */
public record OrgUnitView(long id, Long parentId, String name, OrgUnitType type, int sortOrder, boolean enabled,
        String path) {

    /** True if {@code other} is this unit or lies below it. */
    public boolean contains(OrgUnitView other) {
        return other.path().startsWith(path);
    }

    public int depth() {
        return (int) path.chars().filter(c -> c == '/').count() - 1;
    }
}
