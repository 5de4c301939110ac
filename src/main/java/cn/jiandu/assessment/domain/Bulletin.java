package cn.jiandu.assessment.domain;

import cn.jiandu.assessment.BulletinStatus;
import cn.jiandu.shared.Refusal;
import java.time.Instant;

/** A 季通报: its figures (kept with it), the text fields the office edits, and whether it is still a draft. */
public record Bulletin(long id, String quarter, int edition, BulletinStatus status, BulletinFigures figures,
        String title, String intro, String issues, String requirements, Instant createdAt, Instant updatedAt,
        Instant publishedAt) {

    /** Text and figures change only while it is a draft. */
    public void checkDraft() {
        if (status != BulletinStatus.DRAFT) {
            throw Refusal.conflict("assessment.bulletin.error.published");
        }
    }
}
