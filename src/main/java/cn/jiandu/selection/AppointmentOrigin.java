package cn.jiandu.selection;

/** How an appointment came about. */
public enum AppointmentOrigin {
    /** Through the seven-step procedure (七步法). */
    SELECTED,
    /** A supervisor role held before the selection module arrived, taken into the register. */
    IMPORTED
}
