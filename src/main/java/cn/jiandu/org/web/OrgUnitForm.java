package cn.jiandu.org.web;

import cn.jiandu.org.OrgUnitType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Create ({@code type} required) or update ({@code enabled} honoured) an org unit; used by API and page. */
record OrgUnitForm(Long parentId, @NotBlank @Size(max = 100) String name, OrgUnitType type, Integer sortOrder,
        Boolean enabled) {

    int sortOrderOrZero() {
        return sortOrder == null ? 0 : sortOrder;
    }
}
