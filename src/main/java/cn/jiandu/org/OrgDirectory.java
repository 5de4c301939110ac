package cn.jiandu.org;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Read side of the org tree for every other module. */
public interface OrgDirectory {

    Optional<OrgUnitView> find(long id);

    /** All units in tree order (parents before children, siblings by sort order). */
    List<OrgUnitView> all();

    /** Ids of the unit and everything below it; empty if the unit does not exist. */
    Set<Long> subtreeIds(long unitId);

    /** True if {@code unitId} is {@code ancestorId} or lies below it. */
    boolean isWithin(long unitId, long ancestorId);

    Optional<OrgUnitView> findByName(String name);
}
