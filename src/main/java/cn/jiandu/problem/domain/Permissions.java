package cn.jiandu.problem.domain;

import cn.jiandu.problem.ProblemAction;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Permission;
import cn.jiandu.shared.security.Role;

/** Who may do which action on a report he can read (otherwise 403); the state is the aggregate's business. */
public final class Permissions {

    private Permissions() {
    }

    public static boolean isDispatcher(JianduPrincipal me) {
        return me.can(Permission.PROBLEM_DISPATCH);
    }

    public static boolean isUnitHandler(JianduPrincipal me, Problem p) {
        return me.has(Role.HANDLER) && p.handlingUnitId() != null && p.handlingUnitId() == me.orgUnitId();
    }

    public static boolean mayAct(JianduPrincipal me, Problem p, ProblemAction action) {
        return switch (action) {
            case DISPATCH, REDISPATCH, APPROVE_EXTENSION, REJECT_EXTENSION, URGE -> isDispatcher(me);
            case RETURN, ACCEPT, NOTE, REPLY, REQUEST_EXTENSION -> isUnitHandler(me, p);
            case TRANSFER_CLUE -> isDispatcher(me) || isUnitHandler(me, p);
            case WITHDRAW -> p.reporterId() == me.id();
        };
    }

    /** The actor recorded on the timeline for this caller and action. */
    public static Actor actor(JianduPrincipal me, Problem p, ProblemAction action) {
        if (action == ProblemAction.WITHDRAW) {
            return Actor.reporter(me.id());
        }
        return isUnitHandler(me, p) && !(isDispatcher(me) && action != ProblemAction.TRANSFER_CLUE)
                ? Actor.handler(me.id()) : Actor.admin(me.id());
    }
}
