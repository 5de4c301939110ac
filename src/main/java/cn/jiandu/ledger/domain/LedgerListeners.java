package cn.jiandu.ledger.domain;

import cn.jiandu.exam.ExamGraded;
import cn.jiandu.problem.ProblemClosed;
import cn.jiandu.problem.ProblemFacts;
import cn.jiandu.problem.ProblemReported;
import cn.jiandu.selection.AppointmentEnded;
import cn.jiandu.selection.AppointmentStarted;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Fills the ledger by itself: each event of another module refreshes exactly the rows it concerns. A report's row is
 * read back from {@link ProblemFacts} rather than taken from the event, so the row is what the problem module says
 * it is now (the rebuild compares the same thing).
 */
@Component
class LedgerListeners {

    private final ProblemFacts facts;
    private final ProblemLedger problems;
    private final ExamLedger exams;
    private final LedgerAppointments appointments;
    private final CaseLedger cases;
    /**
     * Always on in the application; a test turns it off for one request to prove that the rebuild notices what the
     * listeners missed. Static, since the listeners' bean is a proxy whose fields are not the target's.
     */
    static final java.util.concurrent.atomic.AtomicBoolean LISTENING = new java.util.concurrent.atomic.AtomicBoolean(true);

    LedgerListeners(ProblemFacts facts, ProblemLedger problems, ExamLedger exams, LedgerAppointments appointments,
            CaseLedger cases) {
        this.cases = cases;
        this.facts = facts;
        this.problems = problems;
        this.exams = exams;
        this.appointments = appointments;
    }

    @ApplicationModuleListener
    void on(ProblemReported e) {
        refresh(e.problemId());
    }

    @ApplicationModuleListener
    void on(ProblemClosed e) {
        refresh(e.problemId());
    }

    @ApplicationModuleListener
    void on(cn.jiandu.problem.ProblemChanged e) {
        refresh(e.problemId());
    }

    @ApplicationModuleListener
    void on(ExamGraded e) {
        if (LISTENING.get()) {
            exams.record(e);
        }
    }

    /** 优秀案例入选: a fact of the training module the ledger keeps (the rebuild checks it against TrainingFacts). */
    @ApplicationModuleListener
    void on(cn.jiandu.training.CaseSelected e) {
        if (LISTENING.get()) {
            cases.record(e.caseId(), e.authorId(), e.selectedAt());
        }
    }

    @ApplicationModuleListener
    void on(AppointmentStarted e) {
        if (LISTENING.get()) {
            appointments.upsert(new LedgerAppointments.Row(e.appointmentId(), e.userId(), e.type(), e.scopeUnitId(),
                    e.startsOn(), e.endsOn(), null));
            cases.reattribute(e.userId(), e.startsOn(), e.endsOn());
        }
    }

    @ApplicationModuleListener
    void on(AppointmentEnded e) {
        if (LISTENING.get()) {
            appointments.end(e.appointmentId(), e.endedOn());
            cases.reattribute(e.userId(), e.endedOn(), e.endedOn().plusYears(10));
        }
    }

    private void refresh(long problemId) {
        if (LISTENING.get()) {
            problems.refresh(problemId, facts.find(problemId).map(problems::expected).orElse(List.of()));
        }
    }
}
