package cn.jiandu.audit;

public enum Outcome {
    SUCCESS, FAILURE, DENIED
}
