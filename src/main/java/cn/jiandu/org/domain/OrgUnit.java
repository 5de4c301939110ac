package cn.jiandu.org.domain;

import cn.jiandu.shared.Refusal;
import cn.jiandu.org.OrgUnitType;

/** An org unit; guards its own invariants (no move into its own subtree, no empty name). */
public class OrgUnit {

    private final Long id;
    private Long parentId;
    private String name;
    private final OrgUnitType type;
    private int sortOrder;
    private boolean enabled;
    private String path;

    public OrgUnit(Long id, Long parentId, String name, OrgUnitType type, int sortOrder, boolean enabled, String path) {
        this.id = id;
        this.parentId = parentId;
        this.name = name;
        this.type = type;
        this.sortOrder = sortOrder;
        this.enabled = enabled;
        this.path = path;
    }

    public void rename(String newName) {
        this.name = newName.strip();
    }

    public void reorder(int sortOrder) {
        this.sortOrder = sortOrder;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Moves under {@code newParent}. Refuses (409) a move into its own subtree, which would cut the tree loose.
     *
     * @return the old path, needed to re-root the subtree
     */
    public String moveUnder(OrgUnit newParent) {
        if (newParent.path.startsWith(path)) {
            throw Refusal.conflict("org.error.moveIntoSubtree");
        }
        String old = path;
        this.parentId = newParent.id;
        this.path = newParent.path + id + "/";
        return old;
    }

    public boolean isRoot() {
        return parentId == null;
    }

    public Long id() { return id; }
    public Long parentId() { return parentId; }
    public String name() { return name; }
    public OrgUnitType type() { return type; }
    public int sortOrder() { return sortOrder; }
    public boolean enabled() { return enabled; }
    public String path() { return path; }
}
