package cn.jiandu.assessment;

/** A run's life: the office computes and enters (DRAFT), submits, the leader publishes; a correction supersedes. */
public enum RunStatus {
    DRAFT, SUBMITTED, PUBLISHED, SUPERSEDED
}
