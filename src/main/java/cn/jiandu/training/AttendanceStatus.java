package cn.jiandu.training;

/** How an invitee attended a session. */
public enum AttendanceStatus {
    /** Signed in before the start plus the grace time. */
    PRESENT,
    /** Signed in later than that. */
    LATE,
    /** 请假: a leave registered before the start (or by the organiser). */
    LEAVE,
    /** Did not come (marked by the organiser, or shown for nobody-signed-in after the end). */
    ABSENT;

    /** Whether he was there (present or late): what completes an onboarding item and counts in his record. */
    public boolean attended() {
        return this == PRESENT || this == LATE;
    }

    public String messageKey() {
        return "training.attendance." + name();
    }
}
