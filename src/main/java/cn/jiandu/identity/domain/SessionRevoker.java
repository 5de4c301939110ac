package cn.jiandu.identity.domain;

/** Ends every page session of a user, on every node (the session store is shared). */
public interface SessionRevoker {
    void revokeSessionsOf(String username);

    /** Every page session of the user but {@code keepSessionId} (null: all of them). */
    void revokeSessionsOfExcept(String username, String keepSessionId);
}
