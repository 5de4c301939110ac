package cn.jiandu.problem.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * 分办规则. Matches a report when every criterion it names matches: the category, the org subtree (by the concerned
 * unit's path) and, if keywords are given, any one of them in the title or description.
 */
public record DispatchRule(Long id, String name, String categoryCode, Long orgUnitId, String keywords,
        long handlingUnitId, int deadlineWorkingDays, int priority, boolean enabled) {

    public List<String> keywordList() {
        if (keywords == null || keywords.isBlank()) {
            return List.of();
        }
        return Arrays.stream(keywords.split("[,，;；\\s]+")).filter(k -> !k.isBlank()).toList();
    }

    /**
     * @param unitPath the path of the unit the report concerns
     * @param rulePath the path of this rule's org unit (null if the rule names none)
     */
    public boolean matches(String category, String unitPath, String rulePath, String text) {
        if (!enabled) {
            return false;
        }
        if (categoryCode != null && !categoryCode.equals(category)) {
            return false;
        }
        if (orgUnitId != null && (rulePath == null || !unitPath.startsWith(rulePath))) {
            return false;
        }
        List<String> words = keywordList();
        if (words.isEmpty()) {
            return true;
        }
        String haystack = text == null ? "" : text.toLowerCase(Locale.ROOT);
        return words.stream().anyMatch(w -> haystack.contains(w.toLowerCase(Locale.ROOT)));
    }
}
