package cn.jiandu.assessment;

/** A 季通报 is drafted and edited by the office, then published (frozen, sent to every supervisor). */
public enum BulletinStatus {
    DRAFT, PUBLISHED
}
