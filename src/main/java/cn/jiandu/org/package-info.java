/**
 * The org tree (公司 → 县分公司/部门 → 党支部 → 班组 → 网格): units, moves, subtree queries for data scopes.
 * Other modules read it through {@link cn.jiandu.org.OrgDirectory}. Depends on: shared, audit.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit"})
package cn.jiandu.org;
