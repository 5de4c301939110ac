package cn.jiandu.training.domain;

import cn.jiandu.audit.AuditTrail;
import cn.jiandu.audit.Outcome;
import cn.jiandu.files.FilePolicy;
import cn.jiandu.files.FileStore;
import cn.jiandu.files.StoredBlob;
import cn.jiandu.problem.ProblemFacts;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.Upload;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.training.CaseAction;
import cn.jiandu.training.CaseKind;
import cn.jiandu.training.CaseSelected;
import cn.jiandu.training.CaseStatus;
import cn.jiandu.training.TrainingPermissions;
import java.io.InputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Excellent cases: a supervisor submits (403 for anyone else), the author edits and resubmits a returned one, the
 * office returns, accepts, declines and publishes. Who may read: the author until it is published, then every
 * supervisor; the office and the leaders always; anyone else 404.
 */
@Service
public class CaseService {

    static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

    private final CaseRepository cases;
    private final MeetingRepository meetings;
    private final CasePublishing publishing;
    private final ProblemFacts facts;
    private final FileStore store;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseService(CaseRepository cases, MeetingRepository meetings, CasePublishing publishing, ProblemFacts facts,
            FileStore store, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.cases = cases;
        this.meetings = meetings;
        this.publishing = publishing;
        this.facts = facts;
        this.store = store;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public TrainingCase submit(JianduPrincipal me, CaseCommand c, List<Upload> files) {
        if (!me.isSupervisor()) {
            throw Refusal.forbidden("case.error.notSupervisor");
        }
        TrainingCase.CaseText text = CaseInput.text(c, files);
        List<Long> problemIds = CaseInput.ownReports(c.problemIds(), me.id(), facts);
        Instant now = clock.instant();
        long id = cases.insert(CaseKind.EXCELLENT, CaseStatus.SUBMITTED, me.id(), me.orgUnitId(), text, null, null,
                now);
        cases.linkProblems(id, problemIds);
        attach(id, files, now);
        cases.step(id, "SUBMIT", me.id(), null, now);
        audit.record("case.submit", "training_case", id, Outcome.SUCCESS, text.title());
        return cases.find(id).orElseThrow();
    }

    /**
     * The author's changes to a returned case resubmit it; the office edits a submitted or accepted one (a
     * warning-education draft before publishing). Files sent are added to those already there.
     */
    @Transactional
    public TrainingCase edit(JianduPrincipal me, long id, CaseCommand c, List<Upload> files) {
        TrainingCase old = visible(me, id);
        boolean author = old.authorId() == me.id();
        boolean office = me.can(TrainingPermissions.CASES_REVIEW);
        if (!author && !office) {
            throw Refusal.forbidden();
        }
        old.checkEditable(author, office);
        TrainingCase.CaseText text = CaseInput.text(c, files);
        if (cases.files(id).size() + files.size() > CaseInput.MAX_FILES) {
            throw Refusal.invalidField("files", "case.error.tooManyFiles", CaseInput.MAX_FILES);
        }
        Instant now = clock.instant();
        boolean resubmit = author && old.status() == CaseStatus.RETURNED;
        TrainingCase next = new TrainingCase(old.id(), old.kind(),
                resubmit ? CaseStatus.SUBMITTED : old.status(), old.authorId(), old.unitId(), text,
                old.categoryCode(), old.sourceProblemId(), old.reviewComment(), old.meetingId(), old.quarter(),
                resubmit ? now : old.submittedAt(), old.reviewedAt(), old.selectedAt(), old.publishedAt(),
                old.version());
        cases.save(next);
        if (c.problemIds() != null && old.kind() == CaseKind.EXCELLENT) {
            List<Long> ids = CaseInput.ownReports(c.problemIds(), old.authorId(), facts);
            cases.replaceProblems(id, ids);
        }
        attach(id, files, now);
        cases.step(id, resubmit ? "RESUBMIT" : "EDIT", me.id(), null, now);
        audit.record(resubmit ? "case.resubmit" : "case.edit", "training_case", id, Outcome.SUCCESS, text.title());
        return cases.find(id).orElseThrow();
    }

    @Transactional
    public TrainingCase act(JianduPrincipal me, long id, CaseAction action, String comment, Long meetingId) {
        TrainingCase c = visible(me, id);
        if (!me.can(TrainingPermissions.CASES_REVIEW)) {
            throw Refusal.forbidden();
        }
        if (action == null) {
            throw Refusal.invalidField("action", "case.error.required");
        }
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        if (note != null && note.length() > 2000) {
            throw Refusal.invalidField("comment", "case.error.tooLong", 2000);
        }
        if (action == CaseAction.RETURN && note == null) {
            throw Refusal.invalidField("comment", "case.error.returnComment");
        }
        MeetingRepository.Meeting meeting = null;
        if (meetingId != null) {
            if (c.kind() != CaseKind.EXCELLENT || (action != CaseAction.ACCEPT && action != CaseAction.PUBLISH)) {
                throw Refusal.invalidField("meetingId", "case.error.meetingNotHere");
            }
            meeting = meetings.find(meetingId)
                    .orElseThrow(() -> Refusal.invalidField("meetingId", "case.error.meetingUnknown"));
        }
        CaseStatus to = c.after(action);
        Instant now = clock.instant();
        Long meetingOf = meeting != null ? Long.valueOf(meeting.id()) : c.meetingId();
        boolean selects = c.kind() == CaseKind.EXCELLENT && c.selectedAt() == null
                && (meeting != null || to == CaseStatus.PUBLISHED);
        String quarter = c.quarter();
        if (to == CaseStatus.PUBLISHED) {
            quarter = meetingOf != null ? meetings.find(meetingOf).orElseThrow().quarter()
                    : Quarters.of(LocalDate.ofInstant(now, clock.getZone()));
        }
        TrainingCase next = new TrainingCase(c.id(), c.kind(), to, c.authorId(), c.unitId(), c.text(),
                c.categoryCode(), c.sourceProblemId(), note != null ? note : c.reviewComment(), meetingOf, quarter,
                c.submittedAt(), action == CaseAction.PUBLISH ? c.reviewedAt() : now,
                selects ? now : c.selectedAt(), to == CaseStatus.PUBLISHED ? now : c.publishedAt(), c.version());
        cases.save(next);
        cases.step(id, action.name(), me.id(), note, now);
        audit.record("case." + action.name().toLowerCase(java.util.Locale.ROOT), "training_case", id,
                Outcome.SUCCESS, action + (meetingOf == null ? "" : " meeting " + meetingOf));
        if (selects) {
            events.publishEvent(new CaseSelected(id, c.authorId(), meetingOf, now));
        }
        if (to == CaseStatus.PUBLISHED) {
            publishing.published(me, next, cases.files(id));
        }
        return cases.find(id).orElseThrow();
    }

    /** Puts accepted or published excellent cases on a meeting's programme (called by {@link CaseMeetings}). */
    void select(JianduPrincipal me, long caseId, MeetingRepository.Meeting meeting, Instant now) {
        TrainingCase c = cases.find(caseId).orElseThrow(() -> Refusal.invalidField("caseIds", "case.error.caseIds"));
        if (!c.selectable()) {
            throw Refusal.invalidField("caseIds", "case.error.caseIds");
        }
        boolean first = c.selectedAt() == null;
        cases.save(new TrainingCase(c.id(), c.kind(), c.status(), c.authorId(), c.unitId(), c.text(),
                c.categoryCode(), c.sourceProblemId(), c.reviewComment(), meeting.id(), c.quarter(), c.submittedAt(),
                c.reviewedAt(), first ? now : c.selectedAt(), c.publishedAt(), c.version()));
        cases.step(caseId, "SELECT", me.id(), meeting.quarter(), now);
        audit.record("case.select", "training_case", caseId, Outcome.SUCCESS, "meeting " + meeting.id());
        if (first) {
            events.publishEvent(new CaseSelected(caseId, c.authorId(), meeting.id(), now));
        }
    }

    public TrainingCase visible(JianduPrincipal me, long id) {
        TrainingCase c = cases.find(id).orElseThrow(Refusal::notFound);
        if (!mayRead(me, c)) {
            throw Refusal.notFound();
        }
        return c;
    }

    public static boolean mayRead(JianduPrincipal me, TrainingCase c) {
        return me.seesEverything() || c.authorId() == me.id()
                || (c.status() == CaseStatus.PUBLISHED && me.isSupervisor());
    }

    void attach(long caseId, List<Upload> files, Instant now) {
        FilePolicy policy = FilePolicy.documentsAndMedia(Math.min(MAX_FILE_BYTES, store.maxBytes()));
        for (Upload f : files) {
            StoredBlob blob;
            try (InputStream in = f.open()) {
                blob = store.store(in, policy);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            cases.addFile(caseId, blob.id(), displayName(f.filename()), blob.size(), blob.contentType(), now);
        }
    }

    /** The sender's file name, for display and download only (the blob lives under a generated name). */
    static String displayName(String filename) {
        String n = filename == null ? "" : filename.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).strip().replaceAll("\\p{Cntrl}", "");
        if (n.isEmpty() || n.equals(".") || n.equals("..")) {
            n = "file";
        }
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }
}
