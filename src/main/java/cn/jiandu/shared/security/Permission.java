package cn.jiandu.shared.security;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * A permission code, RuoYi style ({@code module:verb}, e.g. {@code problem:dispatch}). Each module declares its own
 * codes as constants in its API package and grants them to roles with a {@link PermissionGrants} bean; the kernel
 * only assembles them ({@link RolePermissions}). Spring Security sees the code as a granted authority, so
 * {@code @PreAuthorize("hasAuthority('problem:dispatch')")} works for every declared code.
 */
public record Permission(String code) implements Serializable {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*:[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public Permission {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a permission code is module:verb in lower case, not " + code);
        }
    }

    public static Permission of(String code) {
        return new Permission(code);
    }

    /** The module part of the code ({@code problem} for {@code problem:dispatch}). */
    public String module() {
        return code.substring(0, code.indexOf(':'));
    }

    @Override
    public String toString() {
        return code;
    }
}
