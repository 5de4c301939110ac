package cn.jiandu.problem.domain;

import cn.jiandu.shared.Refusal;
import static cn.jiandu.problem.ProblemStatus.CLOSED;
import static cn.jiandu.problem.ProblemStatus.DISPATCHED;
import static cn.jiandu.problem.ProblemStatus.IN_PROGRESS;
import static cn.jiandu.problem.ProblemStatus.PENDING_DISPATCH;
import static cn.jiandu.problem.ProblemStatus.REPLIED;
import static cn.jiandu.problem.ProblemStatus.TRANSFERRED;

import cn.jiandu.problem.CloseReason;
import cn.jiandu.problem.ProblemAction;
import cn.jiandu.problem.ProblemStatus;
import cn.jiandu.problem.Rating;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The report aggregate. Every state change is a method that refuses an illegal transition with 409 and records a
 * timeline step; who may call which method is decided before (see ProblemService), when it is in what state here.
 */
public class Problem {

    Long id;
    String number;
    String title;
    String description;
    String location;
    String categoryCode;
    long orgUnitId;
    long reporterId;
    boolean anonymous;
    ProblemStatus status;
    Long handlingUnitId;
    Integer deadlineDays;
    Instant createdAt;
    Instant dispatchedAt;
    Instant acceptedAt;
    Instant dueAt;
    Instant repliedAt;
    Instant closedAt;
    CloseReason closeReason;
    Rating rating;
    String ratingComment;
    int reopenCount;
    int extensionRequests;
    int dissatisfiedCount;
    int urgeCount;
    Integer pendingExtensionDays;
    Instant transferProposedAt;
    int version;
    private final List<Step> newSteps = new ArrayList<>();

    Problem() {
    }

    /** A new report, waiting for dispatch. */
    public static Problem submit(String title, String description, String location, String categoryCode,
            long orgUnitId, long reporterId, boolean anonymous, Instant now) {
        Problem p = new Problem();
        p.title = title;
        p.description = description;
        p.location = location;
        p.categoryCode = categoryCode;
        p.orgUnitId = orgUnitId;
        p.reporterId = reporterId;
        p.anonymous = anonymous;
        p.status = PENDING_DISPATCH;
        p.createdAt = now;
        p.step("SUBMIT", Actor.reporter(reporterId), null, now);
        return p;
    }

    /** 分办: from the admin's queue (or automatically by a rule) to a handling unit with a deadline. */
    public void dispatch(long unitId, int days, Instant due, Actor actor, String comment, Instant now) {
        require(ProblemAction.DISPATCH, PENDING_DISPATCH);
        assign(unitId, days, due, now);
        step(actor.side() == Actor.Side.SYSTEM ? "AUTO_DISPATCH" : "DISPATCH", actor, comment, now);
    }

    /** 重新分办 to another unit (or the same with a new deadline), before the reply. */
    public void redispatch(long unitId, int days, Instant due, Actor actor, String comment, Instant now) {
        require(ProblemAction.REDISPATCH, DISPATCHED, IN_PROGRESS);
        assign(unitId, days, due, now);
        step("REDISPATCH", actor, comment, now);
    }

    /** 退回: a wrongly dispatched report goes back to the admin's queue, with a reason. */
    public void returnToAdmin(Actor actor, String reason, Instant now) {
        require(ProblemAction.RETURN, DISPATCHED);
        requireText(reason, "comment");
        Long unit = handlingUnitId;
        status = PENDING_DISPATCH;
        handlingUnitId = null;
        dueAt = null;
        dispatchedAt = null;
        transferProposedAt = null;
        newSteps.add(new Step(null, idOrZero(), "RETURN", actor.id(), actor.side(), reason, unit, now));
    }

    /** 受理. */
    public void accept(Actor actor, Instant now) {
        require(ProblemAction.ACCEPT, DISPATCHED);
        status = IN_PROGRESS;
        acceptedAt = now;
        step("ACCEPT", actor, null, now);
    }

    /** A progress note while handling. */
    public void note(Actor actor, String comment, Instant now) {
        require(ProblemAction.NOTE, IN_PROGRESS);
        requireText(comment, "comment");
        step("NOTE", actor, comment, now);
    }

    /** 办结: the rectification measures; the reporter may now rate. */
    public void reply(Actor actor, String measures, Instant now) {
        require(ProblemAction.REPLY, IN_PROGRESS);
        requireText(measures, "comment");
        status = REPLIED;
        repliedAt = now;
        pendingExtensionDays = null;
        transferProposedAt = null;
        step("REPLY", actor, measures, now);
    }

    /** 延期申请: one pending request at a time. */
    public void requestExtension(Actor actor, int days, String reason, Instant now) {
        require(ProblemAction.REQUEST_EXTENSION, IN_PROGRESS);
        if (pendingExtensionDays != null) {
            throw Refusal.conflict("problem.error.extensionPending");
        }
        if (days < 1 || days > 60) {
            throw Refusal.invalidField("days", "problem.error.days");
        }
        pendingExtensionDays = days;
        extensionRequests++;
        step("REQUEST_EXTENSION", actor, reason, now);
    }

    /** Approves the pending extension; {@code newDue} is the old deadline plus the requested working days. */
    public void approveExtension(Actor actor, Instant newDue, String comment, Instant now) {
        requirePendingExtension(ProblemAction.APPROVE_EXTENSION);
        dueAt = newDue;
        pendingExtensionDays = null;
        step("APPROVE_EXTENSION", actor, comment, now);
    }

    public void rejectExtension(Actor actor, String comment, Instant now) {
        requirePendingExtension(ProblemAction.REJECT_EXTENSION);
        pendingExtensionDays = null;
        step("REJECT_EXTENSION", actor, comment, now);
    }

    /** 督办: on the record, the unit is told. */
    public void urge(Actor actor, String message, Instant now) {
        require(ProblemAction.URGE, DISPATCHED, IN_PROGRESS);
        requireText(message, "comment");
        urgeCount++;
        step("URGE", actor, message, now);
    }

    /**
     * 问题线索移交, by the discipline office: directly, or confirming the handling unit's proposal. From now on only
     * the office and the leaders can read it.
     */
    public void transferClue(Actor actor, String comment, Instant now) {
        require(ProblemAction.TRANSFER_CLUE, PENDING_DISPATCH, DISPATCHED, IN_PROGRESS);
        status = TRANSFERRED;
        pendingExtensionDays = null;
        transferProposedAt = null;
        step("TRANSFER_CLUE", actor, comment, now);
    }

    /**
     * 移交申请: the handling unit asks the discipline office to take the report over as a problem clue, saying why.
     * The report stays where it is (status, unit, deadline) until the office confirms or rejects; one pending
     * proposal at a time.
     */
    public void proposeTransfer(Actor actor, String reason, Instant now) {
        require(ProblemAction.PROPOSE_TRANSFER, DISPATCHED, IN_PROGRESS);
        if (transferProposedAt != null) {
            throw Refusal.conflict("problem.error.transferPending");
        }
        requireText(reason, "comment");
        transferProposedAt = now;
        step("PROPOSE_TRANSFER", actor, reason, now);
    }

    /** The office turns the proposal down, saying why; the unit goes on handling the report. */
    public void rejectTransfer(Actor actor, String reason, Instant now) {
        require(ProblemAction.REJECT_TRANSFER, DISPATCHED, IN_PROGRESS);
        if (transferProposedAt == null) {
            throw Refusal.conflict("problem.error.noTransferPending");
        }
        requireText(reason, "comment");
        transferProposedAt = null;
        step("REJECT_TRANSFER", actor, reason, now);
    }

    /** 撤回 by the reporter, until it is accepted. */
    public void withdraw(Actor actor, String comment, Instant now) {
        require(ProblemAction.WITHDRAW, PENDING_DISPATCH, DISPATCHED);
        close(CloseReason.WITHDRAWN, now);
        step("WITHDRAW", actor, comment, now);
    }

    /**
     * The reporter's rating. 不满意 reopens it (重办) at the same unit with {@code freshDue}; the others close it.
     */
    public void rate(Rating verdict, String comment, Instant freshDue, Instant now) {
        if (status != REPLIED) {
            throw Refusal.conflict("problem.error.notRatable");
        }
        rating = verdict;
        ratingComment = comment;
        step("RATE", Actor.reporter(reporterId), comment, now);
        if (verdict == Rating.DISSATISFIED) {
            status = IN_PROGRESS;
            reopenCount++;
            dissatisfiedCount++;
            dueAt = freshDue;
            repliedAt = null;
            step("REOPEN", Actor.SYSTEM, null, now);
        } else {
            close(CloseReason.RATED, now);
        }
    }

    /** No rating in time: closed as 未评价, which never counts as satisfied. */
    public void closeUnrated(Instant now) {
        if (status != REPLIED) {
            throw Refusal.conflict("problem.error.notRatable");
        }
        close(CloseReason.UNRATED, now);
        step("AUTO_CLOSE", Actor.SYSTEM, null, now);
    }

    /** The actions the state allows right now (before asking who the caller is). */
    public Set<ProblemAction> actionsAllowedByState() {
        EnumSet<ProblemAction> allowed = EnumSet.noneOf(ProblemAction.class);
        switch (status) {
            case PENDING_DISPATCH -> allowed.addAll(EnumSet.of(ProblemAction.DISPATCH, ProblemAction.TRANSFER_CLUE,
                    ProblemAction.WITHDRAW));
            case DISPATCHED -> {
                allowed.addAll(EnumSet.of(ProblemAction.REDISPATCH, ProblemAction.RETURN, ProblemAction.ACCEPT,
                        ProblemAction.URGE, ProblemAction.TRANSFER_CLUE, ProblemAction.WITHDRAW));
                allowed.add(transferProposedAt == null ? ProblemAction.PROPOSE_TRANSFER
                        : ProblemAction.REJECT_TRANSFER);
            }
            case IN_PROGRESS -> {
                allowed.addAll(EnumSet.of(ProblemAction.REDISPATCH, ProblemAction.NOTE, ProblemAction.REPLY,
                        ProblemAction.URGE, ProblemAction.TRANSFER_CLUE));
                allowed.add(pendingExtensionDays == null ? ProblemAction.REQUEST_EXTENSION
                        : ProblemAction.APPROVE_EXTENSION);
                if (pendingExtensionDays != null) {
                    allowed.add(ProblemAction.REJECT_EXTENSION);
                }
                allowed.add(transferProposedAt == null ? ProblemAction.PROPOSE_TRANSFER
                        : ProblemAction.REJECT_TRANSFER);
            }
            default -> { }
        }
        return allowed;
    }

    public List<Step> drainSteps() {
        List<Step> steps = List.copyOf(newSteps);
        newSteps.clear();
        return steps;
    }

    private void assign(long unitId, int days, Instant due, Instant now) {
        status = DISPATCHED;
        handlingUnitId = unitId;
        deadlineDays = days;
        dueAt = due;
        dispatchedAt = now;
        acceptedAt = null;
        pendingExtensionDays = null;
        transferProposedAt = null;
    }

    private void close(CloseReason reason, Instant now) {
        status = CLOSED;
        closeReason = reason;
        closedAt = now;
        pendingExtensionDays = null;
        transferProposedAt = null;
    }

    private void requirePendingExtension(ProblemAction action) {
        require(action, IN_PROGRESS);
        if (pendingExtensionDays == null) {
            throw Refusal.conflict("problem.error.noExtensionPending");
        }
    }

    private void require(ProblemAction action, ProblemStatus... allowed) {
        for (ProblemStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw Refusal.conflict("problem.error.illegalTransition", action.name(), status.name());
    }

    private static void requireText(String text, String field) {
        if (text == null || text.isBlank()) {
            throw Refusal.invalidField(field, "error.required");
        }
    }

    private void step(String action, Actor actor, String comment, Instant now) {
        newSteps.add(new Step(null, idOrZero(), action, actor.id(), actor.side(), comment, handlingUnitId, now));
    }

    private long idOrZero() {
        return id == null ? 0 : id;
    }

    public Long id() { return id; }
    public String number() { return number; }
    public String title() { return title; }
    public String description() { return description; }
    public String location() { return location; }
    public String categoryCode() { return categoryCode; }
    public long orgUnitId() { return orgUnitId; }
    public long reporterId() { return reporterId; }
    public boolean anonymous() { return anonymous; }
    public ProblemStatus status() { return status; }
    public Long handlingUnitId() { return handlingUnitId; }
    public Integer deadlineDays() { return deadlineDays; }
    public Instant createdAt() { return createdAt; }
    public Instant dispatchedAt() { return dispatchedAt; }
    public Instant acceptedAt() { return acceptedAt; }
    public Instant dueAt() { return dueAt; }
    public Instant repliedAt() { return repliedAt; }
    public Instant closedAt() { return closedAt; }
    public CloseReason closeReason() { return closeReason; }
    public Rating rating() { return rating; }
    public String ratingComment() { return ratingComment; }
    public int reopenCount() { return reopenCount; }
    public int extensionRequests() { return extensionRequests; }
    public int dissatisfiedCount() { return dissatisfiedCount; }
    public int urgeCount() { return urgeCount; }
    public Integer pendingExtensionDays() { return pendingExtensionDays; }
    /** When the handling unit proposed a clue transfer the office has not decided yet; null if none is pending. */
    public Instant transferProposedAt() { return transferProposedAt; }
    public int version() { return version; }
}
