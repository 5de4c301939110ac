package cn.jiandu.problem.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiandu.problem.CloseReason;
import cn.jiandu.problem.ProblemAction;
import cn.jiandu.problem.ProblemStatus;
import cn.jiandu.problem.Rating;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.web.RefusalStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpStatus;

class ProblemStateMachineTests {

    static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z");
    static final Instant DUE = T0.plus(Duration.ofDays(5));
    static final Actor ADMIN = Actor.admin(1);
    static final Actor HANDLER = Actor.handler(3);
    static final long REPORTER = 8;

    static Problem in(ProblemStatus status) {
        Problem p = Problem.submit("路灯坏了", "营业厅门口路灯不亮", "廉州", "SERVICE", 20, REPORTER, false, T0);
        p.id = 42L;
        switch (status) {
            case PENDING_DISPATCH -> { }
            case DISPATCHED -> p.dispatch(5, 5, DUE, ADMIN, null, T0);
            case IN_PROGRESS -> {
                p.dispatch(5, 5, DUE, ADMIN, null, T0);
                p.accept(HANDLER, T0);
            }
            case REPLIED -> {
                p.dispatch(5, 5, DUE, ADMIN, null, T0);
                p.accept(HANDLER, T0);
                p.reply(HANDLER, "已修复", T0);
            }
            case CLOSED -> {
                p.dispatch(5, 5, DUE, ADMIN, null, T0);
                p.accept(HANDLER, T0);
                p.reply(HANDLER, "已修复", T0);
                p.rate(Rating.SATISFIED, null, DUE, T0);
            }
            case TRANSFERRED -> p.transferClue(ADMIN, "线索", T0);
        }
        p.drainSteps();
        return p;
    }

    /** Performs an action with valid arguments. */
    static void perform(Problem p, ProblemAction a) {
        switch (a) {
            case DISPATCH -> p.dispatch(6, 3, DUE, ADMIN, null, T0);
            case REDISPATCH -> p.redispatch(6, 3, DUE, ADMIN, "改派", T0);
            case RETURN -> p.returnToAdmin(HANDLER, "不属于本部门", T0);
            case ACCEPT -> p.accept(HANDLER, T0);
            case NOTE -> p.note(HANDLER, "正在处理", T0);
            case REPLY -> p.reply(HANDLER, "已整改", T0);
            case REQUEST_EXTENSION -> p.requestExtension(HANDLER, 3, "需要采购", T0);
            case APPROVE_EXTENSION -> p.approveExtension(ADMIN, DUE.plus(Duration.ofDays(3)), null, T0);
            case REJECT_EXTENSION -> p.rejectExtension(ADMIN, null, T0);
            case URGE -> p.urge(ADMIN, "请尽快办理", T0);
            case TRANSFER_CLUE -> p.transferClue(ADMIN, "涉嫌违纪", T0);
            case PROPOSE_TRANSFER -> p.proposeTransfer(HANDLER, "涉嫌违纪，建议移交", T0);
            case REJECT_TRANSFER -> p.rejectTransfer(ADMIN, "不构成问题线索", T0);
            case WITHDRAW -> p.withdraw(Actor.reporter(REPORTER), null, T0);
        }
    }

    static final java.util.Map<ProblemStatus, Set<ProblemAction>> LEGAL = java.util.Map.of(
            ProblemStatus.PENDING_DISPATCH, EnumSet.of(ProblemAction.DISPATCH, ProblemAction.TRANSFER_CLUE,
                    ProblemAction.WITHDRAW),
            ProblemStatus.DISPATCHED, EnumSet.of(ProblemAction.REDISPATCH, ProblemAction.RETURN, ProblemAction.ACCEPT,
                    ProblemAction.URGE, ProblemAction.TRANSFER_CLUE, ProblemAction.PROPOSE_TRANSFER,
                    ProblemAction.WITHDRAW),
            ProblemStatus.IN_PROGRESS, EnumSet.of(ProblemAction.REDISPATCH, ProblemAction.NOTE, ProblemAction.REPLY,
                    ProblemAction.REQUEST_EXTENSION, ProblemAction.URGE, ProblemAction.TRANSFER_CLUE,
                    ProblemAction.PROPOSE_TRANSFER),
            ProblemStatus.REPLIED, EnumSet.noneOf(ProblemAction.class),
            ProblemStatus.CLOSED, EnumSet.noneOf(ProblemAction.class),
            ProblemStatus.TRANSFERRED, EnumSet.noneOf(ProblemAction.class));

    @ParameterizedTest
    @EnumSource(ProblemStatus.class)
    void everyActionIsEitherLegalOrRefusedWith409(ProblemStatus status) {
        for (ProblemAction a : ProblemAction.values()) {
            Problem p = in(status);
            if (LEGAL.get(status).contains(a)) {
                perform(p, a);
                assertThat(p.drainSteps()).as(status + " " + a).isNotEmpty();
            } else {
                ProblemStatus before = p.status();
                assertThatThrownBy(() -> perform(p, a)).as(status + " " + a).isInstanceOf(Refusal.class)
                        .satisfies(e -> assertThat(RefusalStatus.of((Refusal) e)).isEqualTo(HttpStatus.CONFLICT));
                assertThat(p.status()).isEqualTo(before);
                assertThat(p.drainSteps()).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ProblemStatus.class)
    void actionsAllowedByStateMatchTheTable(ProblemStatus status) {
        assertThat(in(status).actionsAllowedByState()).isEqualTo(LEGAL.get(status));
    }

    @Test
    void extensionDecisionsNeedAPendingRequestAndOnlyOneAtATime() {
        Problem p = in(ProblemStatus.IN_PROGRESS);
        assertConflict(() -> p.approveExtension(ADMIN, DUE, null, T0));
        assertConflict(() -> p.rejectExtension(ADMIN, null, T0));
        p.requestExtension(HANDLER, 3, "采购", T0);
        assertThat(p.actionsAllowedByState()).contains(ProblemAction.APPROVE_EXTENSION,
                ProblemAction.REJECT_EXTENSION).doesNotContain(ProblemAction.REQUEST_EXTENSION);
        assertConflict(() -> p.requestExtension(HANDLER, 2, "again", T0));
        Instant later = DUE.plus(Duration.ofDays(3));
        p.approveExtension(ADMIN, later, null, T0);
        assertThat(p.dueAt()).isEqualTo(later);
        assertThat(p.pendingExtensionDays()).isNull();
        assertThat(p.extensionRequests()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = ProblemStatus.class, names = {"DISPATCHED", "IN_PROGRESS"})
    void aTransferProposalWaitsForTheOfficeWhoRejectsItAndTheReportGoesOn(ProblemStatus status) {
        Problem p = in(status);
        assertConflict(() -> p.rejectTransfer(ADMIN, "无申请", T0));
        Instant proposed = T0.plus(Duration.ofHours(1));
        p.proposeTransfer(HANDLER, "涉嫌违规收受礼品", proposed);
        // nothing else changes: status, unit and deadline stay
        assertThat(p.status()).isEqualTo(status);
        assertThat(p.handlingUnitId()).isEqualTo(5L);
        assertThat(p.dueAt()).isEqualTo(DUE);
        assertThat(p.transferProposedAt()).isEqualTo(proposed);
        assertThat(p.actionsAllowedByState()).contains(ProblemAction.REJECT_TRANSFER, ProblemAction.TRANSFER_CLUE)
                .doesNotContain(ProblemAction.PROPOSE_TRANSFER);
        assertConflict(() -> p.proposeTransfer(HANDLER, "再次申请", T0));
        assertThat(p.drainSteps()).singleElement().satisfies(s -> {
            assertThat(s.action()).isEqualTo("PROPOSE_TRANSFER");
            assertThat(s.side()).isEqualTo(Actor.Side.HANDLER);
            assertThat(s.comment()).isEqualTo("涉嫌违规收受礼品");
        });

        p.rejectTransfer(ADMIN, "属一般服务问题，请继续办理", T0);
        assertThat(p.status()).isEqualTo(status);
        assertThat(p.transferProposedAt()).isNull();
        assertThat(p.actionsAllowedByState()).contains(ProblemAction.PROPOSE_TRANSFER)
                .doesNotContain(ProblemAction.REJECT_TRANSFER);
        assertConflict(() -> p.rejectTransfer(ADMIN, "again", T0));
        assertThat(p.drainSteps()).extracting(Step::action).containsExactly("REJECT_TRANSFER");
        // the unit may propose again after a rejection
        p.proposeTransfer(HANDLER, "有新证据", T0);
        assertThat(p.transferProposedAt()).isEqualTo(T0);
    }

    @Test
    void theOfficeConfirmsAProposalByTransferringOrTransfersWithoutOne() {
        Problem proposed = in(ProblemStatus.IN_PROGRESS);
        proposed.proposeTransfer(HANDLER, "涉嫌违纪", T0);
        proposed.transferClue(ADMIN, "同意移交", T0);
        assertThat(proposed.status()).isEqualTo(ProblemStatus.TRANSFERRED);
        assertThat(proposed.transferProposedAt()).isNull();
        assertThat(proposed.actionsAllowedByState()).isEmpty();
        assertConflict(() -> proposed.rejectTransfer(ADMIN, "too late", T0));
        assertThat(proposed.drainSteps()).extracting(Step::action).containsExactly("PROPOSE_TRANSFER", "TRANSFER_CLUE");

        Problem direct = in(ProblemStatus.DISPATCHED);
        direct.transferClue(ADMIN, "直接移交", T0);
        assertThat(direct.status()).isEqualTo(ProblemStatus.TRANSFERRED);
    }

    @Test
    void aProposalLapsesWhenTheReportLeavesTheUnitsHands() {
        Problem redispatched = in(ProblemStatus.IN_PROGRESS);
        redispatched.proposeTransfer(HANDLER, "线索", T0);
        redispatched.redispatch(6, 3, DUE, ADMIN, "改派", T0);
        assertThat(redispatched.transferProposedAt()).isNull();
        Problem returned = in(ProblemStatus.DISPATCHED);
        returned.proposeTransfer(HANDLER, "线索", T0);
        returned.returnToAdmin(HANDLER, "不属于本部门", T0);
        assertThat(returned.transferProposedAt()).isNull();
        Problem replied = in(ProblemStatus.IN_PROGRESS);
        replied.proposeTransfer(HANDLER, "线索", T0);
        replied.reply(HANDLER, "已整改", T0);
        assertThat(replied.transferProposedAt()).isNull();
        Problem withdrawn = in(ProblemStatus.DISPATCHED);
        withdrawn.proposeTransfer(HANDLER, "线索", T0);
        withdrawn.withdraw(Actor.reporter(REPORTER), null, T0);
        assertThat(withdrawn.transferProposedAt()).isNull();
    }

    @Test
    void happyPathClosesAsRated() {
        Problem p = in(ProblemStatus.DISPATCHED);
        assertThat(p.handlingUnitId()).isEqualTo(5L);
        p.accept(HANDLER, T0);
        p.note(HANDLER, "进展", T0);
        p.reply(HANDLER, "已整改", T0);
        assertThat(p.status()).isEqualTo(ProblemStatus.REPLIED);
        p.rate(Rating.BASICALLY_SATISFIED, "还行", DUE, T0);
        assertThat(p.status()).isEqualTo(ProblemStatus.CLOSED);
        assertThat(p.closeReason()).isEqualTo(CloseReason.RATED);
        assertThat(p.rating()).isEqualTo(Rating.BASICALLY_SATISFIED);
        assertConflict(() -> p.rate(Rating.SATISFIED, null, DUE, T0));
    }

    @Test
    void dissatisfactionReopensAtTheSameUnitWithAFreshDeadline() {
        Problem p = in(ProblemStatus.REPLIED);
        Instant fresh = T0.plus(Duration.ofDays(10));
        p.rate(Rating.DISSATISFIED, "没修好", fresh, T0);
        assertThat(p.status()).isEqualTo(ProblemStatus.IN_PROGRESS);
        assertThat(p.handlingUnitId()).isEqualTo(5L);
        assertThat(p.dueAt()).isEqualTo(fresh);
        assertThat(p.reopenCount()).isEqualTo(1);
        assertThat(p.dissatisfiedCount()).isEqualTo(1);
        assertThat(p.drainSteps()).extracting(Step::action).containsExactly("RATE", "REOPEN");
    }

    @Test
    void ratingBeforeReplyIsRefused() {
        for (ProblemStatus s : EnumSet.complementOf(EnumSet.of(ProblemStatus.REPLIED))) {
            assertConflict(() -> in(s).rate(Rating.SATISFIED, null, DUE, T0));
            assertConflict(() -> in(s).closeUnrated(T0));
        }
    }

    @Test
    void unratedCloseNeverCountsAsSatisfied() {
        Problem p = in(ProblemStatus.REPLIED);
        p.closeUnrated(T0);
        assertThat(p.closeReason()).isEqualTo(CloseReason.UNRATED);
        assertThat(p.rating()).isNull();
    }

    @Test
    void withdrawClosesAsWithdrawnAndReturnClearsTheUnit() {
        Problem w = in(ProblemStatus.DISPATCHED);
        w.withdraw(Actor.reporter(REPORTER), null, T0);
        assertThat(w.closeReason()).isEqualTo(CloseReason.WITHDRAWN);
        Problem r = in(ProblemStatus.DISPATCHED);
        r.returnToAdmin(HANDLER, "不归我们管", T0);
        assertThat(r.status()).isEqualTo(ProblemStatus.PENDING_DISPATCH);
        assertThat(r.handlingUnitId()).isNull();
        assertThat(r.drainSteps()).singleElement().satisfies(s -> assertThat(s.handlingUnitId()).isEqualTo(5L));
    }

    @Test
    void returnReplyNoteUrgeAndTheTransferProposalAndItsRejectionNeedAText() {
        assertBadRequest(p -> p.returnToAdmin(HANDLER, " ", T0), ProblemStatus.DISPATCHED);
        assertBadRequest(p -> p.reply(HANDLER, null, T0), ProblemStatus.IN_PROGRESS);
        assertBadRequest(p -> p.note(HANDLER, "", T0), ProblemStatus.IN_PROGRESS);
        assertBadRequest(p -> p.urge(ADMIN, null, T0), ProblemStatus.DISPATCHED);
        assertBadRequest(p -> p.requestExtension(HANDLER, 0, "x", T0), ProblemStatus.IN_PROGRESS);
        assertBadRequest(p -> p.proposeTransfer(HANDLER, " ", T0), ProblemStatus.DISPATCHED);
        assertBadRequest(p -> {
            p.proposeTransfer(HANDLER, "线索", T0);
            p.rejectTransfer(ADMIN, null, T0);
        }, ProblemStatus.IN_PROGRESS);
    }

    @Test
    void submitRecordsTheReporterStep() {
        Problem p = Problem.submit("t", "d", null, "C", 1, REPORTER, true, T0);
        assertThat(p.status()).isEqualTo(ProblemStatus.PENDING_DISPATCH);
        assertThat(p.drainSteps()).singleElement().satisfies(s -> {
            assertThat(s.action()).isEqualTo("SUBMIT");
            assertThat(s.side()).isEqualTo(Actor.Side.REPORTER);
        });
    }

    private static void assertConflict(Runnable r) {
        assertThatThrownBy(r::run).isInstanceOf(Refusal.class)
                .satisfies(e -> assertThat(RefusalStatus.of((Refusal) e)).isEqualTo(HttpStatus.CONFLICT));
    }

    private static void assertBadRequest(Consumer<Problem> action, ProblemStatus status) {
        Problem p = in(status);
        assertThatThrownBy(() -> action.accept(p)).isInstanceOf(Refusal.class)
                .satisfies(e -> assertThat(RefusalStatus.of((Refusal) e)).isEqualTo(HttpStatus.BAD_REQUEST));
        assertThat(p.status()).isEqualTo(status);
    }
}
