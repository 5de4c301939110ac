package cn.jiandu.selection.domain;

import cn.jiandu.selection.AppointmentView;
import cn.jiandu.selection.Appointments;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The register as other modules read it. */
@Service
@Transactional(readOnly = true)
class JdbcAppointments implements Appointments {

    private final AppointmentRepository appointments;

    JdbcAppointments(AppointmentRepository appointments) {
        this.appointments = appointments;
    }

    @Override
    public Optional<AppointmentView> find(long appointmentId) {
        return appointments.find(appointmentId).map(Appointment::view);
    }

    @Override
    public List<AppointmentView> ofUser(long userId) {
        return appointments.ofUser(userId).stream().map(Appointment::view).toList();
    }

    @Override
    public List<AppointmentView> activeOn(LocalDate day) {
        return appointments.activeOn(day).stream().map(Appointment::view).toList();
    }

    @Override
    public List<AppointmentView> overlapping(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return List.of();
        }
        return appointments.overlapping(from, to).stream().map(Appointment::view).toList();
    }
}
