package cn.jiandu.notification.outbox;

/** PENDING (waiting for its next attempt), SENDING (claimed by a node), SENT, FAILED (gave up; the admin sees it). */
public enum OutboxStatus { PENDING, SENDING, SENT, FAILED }
