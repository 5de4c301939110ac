package cn.jiandu.assessment.web;

import cn.jiandu.assessment.domain.Scheme;
import java.util.Map;

/**
 * One scheme as the page shows it: its rules spelled out in the reader's language (by indicator code), the share
 * cap as a percent figure, and the JSON the admin edits.
 */
public record SchemeView(Scheme scheme, String json, Map<String, String> rules, String sharePercent) {
}
