package cn.jiandu.sharing;

/** The four standard folders of every space (履职材料反馈, 工作亮点, 业务考试复习资料, 业务培训课). */
public enum FolderKind {
    DUTY_MATERIALS("履职材料反馈"),
    HIGHLIGHTS("工作亮点"),
    EXAM_REVIEW("业务考试复习资料"),
    TRAINING_COURSES("业务培训课");

    private final String defaultName;

    FolderKind(String defaultName) {
        this.defaultName = defaultName;
    }

    public String defaultName() {
        return defaultName;
    }

    public String messageKey() {
        return "sharing.kind." + name();
    }
}
