package cn.jiandu.sharing.web;

import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.sharing.domain.Caller;
import cn.jiandu.sharing.domain.SpaceRepository;
import org.springframework.stereotype.Component;

@Component
class Callers {

    private final SpaceRepository spaces;

    Callers(SpaceRepository spaces) {
        this.spaces = spaces;
    }

    Caller of(JianduPrincipal me) {
        return spaces.caller(me);
    }
}
