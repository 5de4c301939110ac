package cn.jiandu.exam.web;

import cn.jiandu.exam.ExamPurpose;
import cn.jiandu.exam.domain.Exam;
import cn.jiandu.shared.security.Role;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The exam form as typed. The window is entered in China time (datetime-local, no zone); listed people by their
 * user names, one per line or separated by commas (the page resolves them to ids).
 */
public record ExamForm(String title, String paperId, List<String> roles, List<String> orgUnitIds, String usernames,
        String opensAt, String closesAt, String timeLimitMinutes, String attemptsAllowed, String grading,
        String passMark, Boolean shuffle, String review, Boolean onboarding, String purpose,
        String trainingSessionId) {

    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    public ExamForm {
        roles = roles == null ? List.of() : List.copyOf(roles);
        orgUnitIds = orgUnitIds == null ? List.of() : List.copyOf(orgUnitIds);
    }

    static ExamForm blank(OffsetDateTime now) {
        OffsetDateTime opens = now.withOffsetSameInstant(CHINA).plusDays(1).truncatedTo(ChronoUnit.HOURS);
        return new ExamForm("", "", List.of(), List.of(), "", local(opens), local(opens.plusDays(7)), "30", "1",
                "BEST", "60", true, "AFTER_SUBMIT", false, "OTHER", null);
    }

    static ExamForm of(Exam e, String usernames) {
        return new ExamForm(e.title(), e.paperId(), e.audience().roles().stream().map(Role::name).toList(),
                e.audience().orgUnitIds(), usernames, local(e.opensAt()), local(e.closesAt()),
                String.valueOf(e.timeLimitMinutes()), String.valueOf(e.attemptsAllowed()), e.grading().name(),
                e.passMark().toPlainString(), e.shuffle(), e.review().name(), e.onboarding(), e.purpose().name(),
                e.audience().trainingSessionId());
    }

    static String local(OffsetDateTime t) {
        return t == null ? "" : t.withOffsetSameInstant(CHINA).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES)
                .toString();
    }

    public List<String> usernameList() {
        return usernames == null ? List.of()
                : java.util.Arrays.stream(usernames.split("[,，、;；\\s]+")).filter(s -> !s.isBlank()).distinct()
                        .toList();
    }

    Exam toExam(Long id, List<String> userIds) {
        List<Role> r = roles.stream().map(s -> enumOr(Role.class, s, null)).filter(java.util.Objects::nonNull)
                .toList();
        return new Exam(id, title, paperId, new Exam.Audience(r, orgUnitIds, userIds,
                trainingSessionId == null || trainingSessionId.isBlank() ? null : trainingSessionId),
                at(opensAt), at(closesAt), integer(timeLimitMinutes), integer(attemptsAllowed),
                enumOr(Exam.Counted.class, grading, Exam.Counted.BEST), decimal(passMark),
                Boolean.TRUE.equals(shuffle), enumOr(Exam.Review.class, review, Exam.Review.AFTER_SUBMIT),
                Boolean.TRUE.equals(onboarding), enumOr(ExamPurpose.class, purpose, ExamPurpose.OTHER));
    }

    private static OffsetDateTime at(String local) {
        try {
            return local == null || local.isBlank() ? null : LocalDateTime.parse(local.strip()).atOffset(CHINA);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Integer integer(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal decimal(String s) {
        try {
            return s == null || s.isBlank() ? null : new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E enumOr(Class<E> type, String name, E fallback) {
        try {
            return name == null || name.isBlank() ? fallback : Enum.valueOf(type, name.strip());
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
