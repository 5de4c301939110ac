package cn.jiandu.problem.domain;

/** A problem category (问题类别), e.g. 作风纪律. */
public record Category(String code, String name) {
}
