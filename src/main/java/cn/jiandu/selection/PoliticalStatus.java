package cn.jiandu.selection;

/** 政治面貌. */
public enum PoliticalStatus {
    CPC_MEMBER, CPC_PROBATIONARY, CYL_MEMBER, MASSES, OTHER_PARTY;

    public String messageKey() {
        return "profile.political." + name();
    }
}
