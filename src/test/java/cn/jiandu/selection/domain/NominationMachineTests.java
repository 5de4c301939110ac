package cn.jiandu.selection.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiandu.selection.NominationAction;
import cn.jiandu.selection.NominationStatus;
import cn.jiandu.selection.domain.NominationMachine.Caller;
import cn.jiandu.selection.domain.NominationMachine.Next;
import cn.jiandu.selection.domain.NominationMachine.State;
import cn.jiandu.shared.Refusal;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every legal and illegal transition of the seven-step machine. */
class NominationMachineTests {

    private static final Caller OWNER = new Caller(true, false, false);
    private static final Caller OTHER_STEP_OWNER = new Caller(false, true, false);
    private static final Caller READER = new Caller(false, false, false);
    private static final Caller NOMINATOR = new Caller(false, false, true);

    private static Refusal.Kind refusal(State s, NominationAction a, Caller c, Integer toStep) {
        try {
            NominationMachine.apply(s, a, c, toStep);
            return null;
        } catch (Refusal r) {
            return r.kind();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5, 6})
    void approvingAdvancesOneStep(int step) {
        Next next = NominationMachine.apply(new State(NominationStatus.IN_REVIEW, step, 7), NominationAction.APPROVE,
                OWNER, null);
        assertThat(next.status()).isEqualTo(NominationStatus.IN_REVIEW);
        assertThat(next.step()).isEqualTo(step + 1);
    }

    @Test
    void approvingTheLastStepApproves() {
        Next next = NominationMachine.apply(new State(NominationStatus.IN_REVIEW, 7, 7), NominationAction.APPROVE,
                OWNER, null);
        assertThat(next.status()).isEqualTo(NominationStatus.APPROVED);
        // a chain of another length (a later version) ends at its own last step
        assertThat(NominationMachine.apply(new State(NominationStatus.IN_REVIEW, 5, 5), NominationAction.APPROVE,
                OWNER, null).status()).isEqualTo(NominationStatus.APPROVED);
        assertThat(NominationMachine.apply(new State(NominationStatus.IN_REVIEW, 5, 8), NominationAction.APPROVE,
                OWNER, null).step()).isEqualTo(6);
    }

    @Test
    void returningReachesEveryEarlierStepAndStepOneIsTheNominator() {
        for (int current = 2; current <= 7; current++) {
            for (int to = 1; to < current; to++) {
                Next next = NominationMachine.apply(new State(NominationStatus.IN_REVIEW, current, 7),
                        NominationAction.RETURN, OWNER, to);
                assertThat(next.step()).isEqualTo(to);
                assertThat(next.status()).isEqualTo(to == 1 ? NominationStatus.RETURNED : NominationStatus.IN_REVIEW);
            }
            for (int to : new int[] {current, current + 1, 0, -1}) {
                assertThat(refusal(new State(NominationStatus.IN_REVIEW, current, 7), NominationAction.RETURN, OWNER,
                        to)).as("return from %d to %d", current, to).isEqualTo(Refusal.Kind.INVALID);
            }
            assertThat(refusal(new State(NominationStatus.IN_REVIEW, current, 7), NominationAction.RETURN, OWNER,
                    null)).isEqualTo(Refusal.Kind.INVALID);
        }
    }

    @Test
    void rejectingAndHandingOverStayWithTheOwner() {
        State s = new State(NominationStatus.IN_REVIEW, 4, 7);
        assertThat(NominationMachine.apply(s, NominationAction.REJECT, OWNER, null).status())
                .isEqualTo(NominationStatus.REJECTED);
        Next handed = NominationMachine.apply(s, NominationAction.HANDOVER, OWNER, null);
        assertThat(handed.status()).isEqualTo(NominationStatus.IN_REVIEW);
        assertThat(handed.step()).isEqualTo(4);
    }

    @ParameterizedTest
    @EnumSource(value = NominationAction.class, names = {"APPROVE", "RETURN", "REJECT", "HANDOVER"})
    void ownerActionsRefuseOthers(NominationAction action) {
        State s = new State(NominationStatus.IN_REVIEW, 3, 7);
        assertThat(refusal(s, action, READER, 2)).isEqualTo(Refusal.Kind.FORBIDDEN);
        assertThat(refusal(s, action, NOMINATOR, 2)).isEqualTo(Refusal.Kind.FORBIDDEN);
        assertThat(refusal(s, action, OTHER_STEP_OWNER, 2)).isEqualTo(Refusal.Kind.CONFLICT);
    }

    @Test
    void theNominatorWithdrawsOnlyBeforeStepTwoIsDone() {
        assertThat(NominationMachine.apply(new State(NominationStatus.IN_REVIEW, 2, 7), NominationAction.WITHDRAW,
                NOMINATOR, null).status()).isEqualTo(NominationStatus.WITHDRAWN);
        assertThat(NominationMachine.apply(new State(NominationStatus.RETURNED, 1, 7), NominationAction.WITHDRAW,
                NOMINATOR, null).status()).isEqualTo(NominationStatus.WITHDRAWN);
        for (int step = 3; step <= 7; step++) {
            assertThat(refusal(new State(NominationStatus.IN_REVIEW, step, 7), NominationAction.WITHDRAW, NOMINATOR,
                    null)).isEqualTo(Refusal.Kind.CONFLICT);
        }
        assertThat(refusal(new State(NominationStatus.IN_REVIEW, 2, 7), NominationAction.WITHDRAW, OWNER, null))
                .isEqualTo(Refusal.Kind.FORBIDDEN);
    }

    @Test
    void aReturnedNominationIsResubmittedByItsNominatorOnly() {
        State returned = new State(NominationStatus.RETURNED, 1, 7);
        Next next = NominationMachine.apply(returned, NominationAction.APPROVE, new Caller(true, false, true), null);
        assertThat(next.status()).isEqualTo(NominationStatus.IN_REVIEW);
        assertThat(next.step()).isEqualTo(2);
        assertThat(refusal(returned, NominationAction.APPROVE, OTHER_STEP_OWNER, null))
                .isEqualTo(Refusal.Kind.CONFLICT);
        for (NominationAction a : EnumSet.of(NominationAction.RETURN, NominationAction.REJECT,
                NominationAction.HANDOVER)) {
            assertThat(refusal(returned, a, new Caller(true, false, true), 1)).as(a.name())
                    .isEqualTo(Refusal.Kind.CONFLICT);
        }
    }

    @ParameterizedTest
    @EnumSource(value = NominationStatus.class, names = {"APPROVED", "REJECTED", "WITHDRAWN"})
    void aFinishedNominationRefusesEverything(NominationStatus status) {
        for (NominationAction a : NominationAction.values()) {
            for (Caller c : new Caller[] {OWNER, NOMINATOR, READER, new Caller(true, true, true)}) {
                assertThat(refusal(new State(status, 7, 7), a, c, 2)).as("%s %s", status, a)
                        .isEqualTo(Refusal.Kind.CONFLICT);
            }
        }
    }

    @Test
    void theTableHasOneRowPerStatusAndAction() {
        assertThat(NominationMachine.TABLE).hasSize(7);
        assertThat(NominationMachine.TABLE.stream().map(t -> t.from() + "/" + t.action()).distinct()).hasSize(7);
        assertThat(NominationMachine.TABLE).noneMatch(t -> t.from().finished());
    }
}
