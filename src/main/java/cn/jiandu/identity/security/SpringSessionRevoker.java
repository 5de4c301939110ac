package cn.jiandu.identity.security;

import cn.jiandu.identity.domain.SessionRevoker;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

@Component
class SpringSessionRevoker implements SessionRevoker {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SpringSessionRevoker(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    @Override
    public void revokeSessionsOf(String username) {
        sessions.findByPrincipalName(username).keySet().forEach(sessions::deleteById);
    }

    @Override
    public void revokeSessionsOfExcept(String username, String keepSessionId) {
        sessions.findByPrincipalName(username).keySet().stream().filter(id -> !id.equals(keepSessionId))
                .forEach(sessions::deleteById);
    }
}
