package cn.jiandu.problem.domain;

import cn.jiandu.problem.ProblemAction;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.problem.ProblemPermissions;
import cn.jiandu.shared.security.Role;

/** Who may do which action on a report he can read (otherwise 403); the state is the aggregate's business. */
public final class Permissions {

    private Permissions() {
    }

    public static boolean isDispatcher(JianduPrincipal me) {
        return me.can(ProblemPermissions.DISPATCH);
    }

    public static boolean isUnitHandler(JianduPrincipal me, Problem p) {
        return me.has(Role.HANDLER) && p.handlingUnitId() != null && p.handlingUnitId() == me.orgUnitId();
    }

    public static boolean mayAct(JianduPrincipal me, Problem p, ProblemAction action) {
        return switch (action) {
            // the clue transfer is the office's decision: the handling unit only proposes it (and the office,
            // which may transfer directly, has nothing to propose)
            case DISPATCH, REDISPATCH, APPROVE_EXTENSION, REJECT_EXTENSION, URGE, TRANSFER_CLUE, REJECT_TRANSFER ->
                    isDispatcher(me);
            case RETURN, ACCEPT, NOTE, REPLY, REQUEST_EXTENSION -> isUnitHandler(me, p);
            case PROPOSE_TRANSFER -> isUnitHandler(me, p) && !isDispatcher(me);
            case WITHDRAW -> p.reporterId() == me.id();
        };
    }

    /** The actor recorded on the timeline for this caller and action. */
    public static Actor actor(JianduPrincipal me, Problem p, ProblemAction action) {
        if (action == ProblemAction.WITHDRAW) {
            return Actor.reporter(me.id());
        }
        return isUnitHandler(me, p) && !isDispatcher(me) ? Actor.handler(me.id()) : Actor.admin(me.id());
    }
}
