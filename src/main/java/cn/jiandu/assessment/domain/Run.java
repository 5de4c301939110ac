package cn.jiandu.assessment.domain;

import cn.jiandu.assessment.RunStatus;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.Role;
import java.time.Instant;
import java.time.LocalDate;

/** An assessment run (考核) for a period and a type, and the moves allowed from each state. */
public record Run(long id, long schemeId, Role type, String period, LocalDate periodFrom, LocalDate periodTo,
        RunStatus status, int version, Long supersedes, Instant startedAt, Instant computedAt, Instant submittedAt,
        Instant publishedAt, Long publishedBy, String comment, LocalDate objectionDeadline) {

    /** Scores and items may change only while the office works on the draft. */
    public void checkEditable() {
        if (status != RunStatus.DRAFT) {
            throw Refusal.conflict("assessment.error.notDraft");
        }
    }

    public void checkCanSubmit() {
        if (status != RunStatus.DRAFT) {
            throw Refusal.conflict("assessment.error.notDraft");
        }
    }

    public void checkCanPublish() {
        if (status != RunStatus.SUBMITTED) {
            throw Refusal.conflict("assessment.error.notSubmitted");
        }
    }

    public void checkCanReopen() {
        if (status != RunStatus.SUBMITTED && status != RunStatus.PUBLISHED) {
            throw Refusal.conflict("assessment.error.notReopenable");
        }
    }

    public boolean published() {
        return status == RunStatus.PUBLISHED || status == RunStatus.SUPERSEDED;
    }
}
