package cn.jiandu.selection.domain;

import cn.jiandu.selection.NominationAction;
import cn.jiandu.selection.NominationStatus;
import cn.jiandu.shared.Refusal;
import java.util.List;
import java.util.Optional;

/**
 * The seven-step procedure as a transition table: for each status and action, who may act, a guard and where it
 * leads. Pure (no I/O), so every legal and illegal transition is unit-tested. A BPMN engine would model the same
 * fixed sequence with far more machinery (see the module's closing note).
 */
final class NominationMachine {

    /** Who may take a transition. */
    enum Actor {
        /** whoever owns the current step (the assignee after a handover) */
        STEP_OWNER,
        /** the person who nominated */
        NOMINATOR
    }

    /** Where a transition leads. */
    enum Effect {
        /** to the next step, or APPROVED after the last */
        ADVANCE,
        /** to an earlier step; step 1 means RETURNED to the nominator */
        BACK,
        /** REJECTED, final */
        REJECT,
        /** same step, another owner */
        HANDOVER,
        /** WITHDRAWN, final */
        WITHDRAW
    }

    /** A guard on the state: the withdrawal is only possible while 支部研究 (step 2) is not done. */
    enum Guard {
        NONE, BEFORE_STEP_TWO_DONE
    }

    record Transition(NominationStatus from, NominationAction action, Actor actor, Guard guard, Effect effect) {
    }

    static final List<Transition> TABLE = List.of(
            new Transition(NominationStatus.IN_REVIEW, NominationAction.APPROVE, Actor.STEP_OWNER, Guard.NONE,
                    Effect.ADVANCE),
            new Transition(NominationStatus.IN_REVIEW, NominationAction.RETURN, Actor.STEP_OWNER, Guard.NONE,
                    Effect.BACK),
            new Transition(NominationStatus.IN_REVIEW, NominationAction.REJECT, Actor.STEP_OWNER, Guard.NONE,
                    Effect.REJECT),
            new Transition(NominationStatus.IN_REVIEW, NominationAction.HANDOVER, Actor.STEP_OWNER, Guard.NONE,
                    Effect.HANDOVER),
            new Transition(NominationStatus.IN_REVIEW, NominationAction.WITHDRAW, Actor.NOMINATOR,
                    Guard.BEFORE_STEP_TWO_DONE, Effect.WITHDRAW),
            // returned to the nominator: he resubmits (approves step 1 again) or withdraws
            new Transition(NominationStatus.RETURNED, NominationAction.APPROVE, Actor.STEP_OWNER, Guard.NONE,
                    Effect.ADVANCE),
            new Transition(NominationStatus.RETURNED, NominationAction.WITHDRAW, Actor.NOMINATOR, Guard.NONE,
                    Effect.WITHDRAW));

    /** The state the machine looks at. */
    record State(NominationStatus status, int currentStep, int steps) {
    }

    /** How the caller stands to the nomination. */
    record Caller(boolean ownsCurrentStep, boolean ownsAnotherStep, boolean nominator) {
    }

    /** The outcome: new status and step. */
    record Next(NominationStatus status, int step, Effect effect) {
    }

    private NominationMachine() {
    }

    static Optional<Transition> find(NominationStatus status, NominationAction action) {
        return TABLE.stream().filter(t -> t.from() == status && t.action() == action).findFirst();
    }

    /**
     * Applies {@code action}: 409 on a finished nomination or one not in a state for it, 403 for a caller who may
     * not take it, 409 for a step owner when the nomination is not at his step, 400 for a bad {@code toStep}.
     */
    static Next apply(State s, NominationAction action, Caller caller, Integer toStep) {
        if (s.status().finished()) {
            throw Refusal.conflict("nomination.error.finished");
        }
        Transition t = find(s.status(), action).orElseThrow(() -> Refusal.conflict("nomination.error.notNow"));
        switch (t.actor()) {
            case STEP_OWNER -> {
                if (!caller.ownsCurrentStep()) {
                    if (caller.ownsAnotherStep()) {
                        throw Refusal.conflict("nomination.error.notAtYourStep");
                    }
                    throw Refusal.forbidden("nomination.error.notOwner");
                }
            }
            case NOMINATOR -> {
                if (!caller.nominator()) {
                    throw Refusal.forbidden("nomination.error.notNominator");
                }
            }
        }
        if (t.guard() == Guard.BEFORE_STEP_TWO_DONE && s.currentStep() > 2) {
            throw Refusal.conflict("nomination.error.tooLateToWithdraw");
        }
        return switch (t.effect()) {
            case ADVANCE -> s.currentStep() >= s.steps()
                    ? new Next(NominationStatus.APPROVED, s.currentStep(), t.effect())
                    : new Next(NominationStatus.IN_REVIEW, s.currentStep() + 1, t.effect());
            case BACK -> {
                if (toStep == null) {
                    throw Refusal.invalidField("toStep", "error.required");
                }
                if (toStep < 1 || toStep >= s.currentStep()) {
                    throw Refusal.invalidField("toStep", "nomination.error.toStep");
                }
                yield new Next(toStep == 1 ? NominationStatus.RETURNED : NominationStatus.IN_REVIEW, toStep,
                        t.effect());
            }
            case REJECT -> new Next(NominationStatus.REJECTED, s.currentStep(), t.effect());
            case HANDOVER -> new Next(s.status(), s.currentStep(), t.effect());
            case WITHDRAW -> new Next(NominationStatus.WITHDRAWN, s.currentStep(), t.effect());
        };
    }
}
