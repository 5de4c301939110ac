package cn.jiandu.sharing.domain;

/** A role group's space. {@code roleCode} is null for further spaces the admin created. */
public record Space(long id, String name, String roleCode, long quotaBytes) {
}
