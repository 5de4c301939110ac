package cn.jiandu.exam.domain;

/** 单选, 多选, 判断, 填空. */
public enum QuestionType {
    SINGLE, MULTIPLE, TRUE_FALSE, FILL;

    public boolean hasOptions() {
        return this == SINGLE || this == MULTIPLE;
    }
}
