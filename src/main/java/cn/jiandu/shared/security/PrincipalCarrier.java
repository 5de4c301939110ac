package cn.jiandu.shared.security;

/** Implemented by whatever Spring Security keeps as the authentication's principal. */
public interface PrincipalCarrier {
    JianduPrincipal jianduPrincipal();
}
