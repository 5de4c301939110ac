package cn.jiandu.exam.domain;

import cn.jiandu.exam.ExamPurpose;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/** 考试 (REST contract). {@code passMark} is a percentage of the paper's maximum score. */
public record Exam(@JsonFormat(shape = JsonFormat.Shape.STRING) Long id, String title, String paperId,
        Audience audience, OffsetDateTime opensAt, OffsetDateTime closesAt, Integer timeLimitMinutes,
        Integer attemptsAllowed, Counted grading, BigDecimal passMark, Boolean shuffle, Review review,
        Boolean onboarding, ExamPurpose purpose) {

    /** Which of a candidate's attempts is his result. */
    public enum Counted {
        BEST, LAST
    }

    /** When a candidate sees the right answers and explanations. */
    public enum Review {
        NEVER, AFTER_SUBMIT, AFTER_CLOSE
    }

    /**
     * Who may take it: everyone listed in {@code userIds}, and everyone who holds one of {@code roles} (any role when
     * empty) in one of the subtrees of {@code orgUnitIds} (anywhere when empty) — the second part applies when roles
     * or units are given. {@code trainingSessionId}: the training session whose invitees are listed (kept for
     * training, which lists them in {@code userIds}).
     */
    public record Audience(List<Role> roles, List<String> orgUnitIds, List<String> userIds, String trainingSessionId) {

        public Audience {
            roles = roles == null ? List.of() : List.copyOf(roles);
            orgUnitIds = orgUnitIds == null ? List.of() : List.copyOf(orgUnitIds);
            userIds = userIds == null ? List.of() : List.copyOf(userIds);
        }

        boolean byRule() {
            return !roles.isEmpty() || !orgUnitIds.isEmpty();
        }

        /** Whether this person is in the audience; {@code unitPath} is his unit's path ('/1/5/23/'). */
        boolean includes(long userId, Set<Role> his, String unitPath, java.util.function.LongFunction<String> pathOf) {
            if (userIds.contains(String.valueOf(userId))) {
                return true;
            }
            if (!byRule()) {
                return false;
            }
            boolean roleOk = roles.isEmpty() || roles.stream().anyMatch(his::contains);
            boolean unitOk = orgUnitIds.isEmpty() || orgUnitIds.stream().map(Long::parseLong).map(pathOf::apply)
                    .anyMatch(p -> p != null && unitPath != null && unitPath.startsWith(p));
            return roleOk && unitOk;
        }

        boolean includes(JianduPrincipal me, String unitPath, java.util.function.LongFunction<String> pathOf) {
            return includes(me.id(), me.roles(), unitPath, pathOf);
        }
    }
}
