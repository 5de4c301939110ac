package cn.jiandu.sharing;

/** A duty-material period: a quarter, a half-year or the year; each has its own folder under 履职材料反馈. */
public enum DutyPeriodType {
    QUARTER("季度"), HALF("半年"), YEAR("年度");

    private final String folderName;

    DutyPeriodType(String folderName) {
        this.folderName = folderName;
    }

    /** The subfolder of 履职材料反馈 that holds this type's period folders. */
    public String folderName() {
        return folderName;
    }
}
