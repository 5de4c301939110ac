/**
 * Tiny, open kernel every module may use: the signed-in principal, API errors as RFC 9457 problem details,
 * cursor paging, the clock. Depends on nothing else in Jiandu.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.jiandu.shared;
