package cn.jiandu.training;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the training module knows, read by the ledger and the bulletin for a period of days (China Standard Time):
 * who attended which kind of session, who recorded talks, how far each appointment's 五个一 is, which excellent cases
 * were selected. Read on demand (never copied) except the selected cases, which the ledger keeps from
 * {@link CaseSelected} and checks against {@link #selectedCases} in its rebuild.
 */
public interface TrainingFacts {

    /**
     * @param warningEducation 警示教育 sessions attended (present or late)
     * @param talks            谈心谈话 he recorded as held in the period
     * @param attended         sessions of any kind attended
     * @param invited          sessions of any kind he was invited to
     */
    record PersonFigures(int warningEducation, int talks, int attended, int invited) {

        public static final PersonFigures NONE = new PersonFigures(0, 0, 0, 0);
    }

    /** Sessions that started in the period, the invitations to them and how many of those were attended. */
    record Attendance(int sessions, int invited, int attended) {

        /** attended / invited, or null without invitations */
        public Double rate() {
            return invited == 0 ? null : (double) attended / invited;
        }
    }

    record SelectedCase(long caseId, long authorId, Instant selectedAt) {
    }

    /** Per user id; people without any are absent. */
    Map<Long, PersonFigures> ofPeople(Collection<Long> userIds, LocalDate from, LocalDate to);

    /** 五个一 items done by the end of {@code upTo}, per appointment id; appointments without a checklist absent. */
    Map<Long, Integer> onboardingDone(Collection<Long> appointmentIds, LocalDate upTo);

    Attendance attendance(LocalDate from, LocalDate to);

    /** Excellent cases first selected in the period. */
    List<SelectedCase> selectedCases(LocalDate from, LocalDate to);
}
