package cn.jiandu.org.web;

import cn.jiandu.org.OrgUnitType;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.org.domain.OrgUnit;

/** {@code {"id","parentId","name","type","sortOrder","enabled"}}; ids are strings. */
record OrgUnitJson(String id, String parentId, String name, OrgUnitType type, int sortOrder, boolean enabled) {

    static OrgUnitJson of(OrgUnitView u) {
        return new OrgUnitJson(String.valueOf(u.id()), u.parentId() == null ? null : String.valueOf(u.parentId()),
                u.name(), u.type(), u.sortOrder(), u.enabled());
    }

    static OrgUnitJson of(OrgUnit u) {
        return new OrgUnitJson(String.valueOf(u.id()), u.parentId() == null ? null : String.valueOf(u.parentId()),
                u.name(), u.type(), u.sortOrder(), u.enabled());
    }
}
