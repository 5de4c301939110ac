package cn.jiandu.selection;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The supervisor register, read by training, exam, the ledger and assessment. */
public interface Appointments {

    Optional<AppointmentView> find(long appointmentId);

    /** Every appointment of a person, newest first. */
    List<AppointmentView> ofUser(long userId);

    /** Appointments in office on that day (any type), ordered by id. */
    List<AppointmentView> activeOn(LocalDate day);

    /** Appointments whose term overlaps [from, to] (inclusive), ordered by id: who is assessed for a period. */
    List<AppointmentView> overlapping(LocalDate from, LocalDate to);
}
