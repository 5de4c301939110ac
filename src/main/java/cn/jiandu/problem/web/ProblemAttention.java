package cn.jiandu.problem.web;

import cn.jiandu.problem.ProblemStatus;
import cn.jiandu.problem.domain.ProblemFilter;
import cn.jiandu.problem.domain.ProblemQueries;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.web.NavAttention;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The home tiles' badges: what waits in the 待分办 queue and in the unit's 待受理 queue. */
@Configuration(proxyBeanMethods = false)
class ProblemAttention {

    /** Reports waiting for manual dispatch plus the units' clue-transfer proposals, as the dispatch page lists. */
    @Bean
    NavAttention dispatchWaiting(ProblemQueries queries) {
        ProblemFilter pending = new ProblemFilter(ProblemStatus.PENDING_DISPATCH, null, null, null, null, null, null,
                false, false);
        ProblemFilter proposed = new ProblemFilter(null, null, null, null, null, null, null, false, false, true);
        return attention("/problems/dispatch", me -> queries.count(me, pending) + queries.count(me, proposed));
    }

    /** Reports dispatched to the caller's unit and not yet accepted (the queue's first tab). */
    @Bean
    NavAttention queueWaiting(ProblemQueries queries) {
        return attention("/problems/queue", me -> queries.count(me, new ProblemFilter(ProblemStatus.DISPATCHED, null,
                null, null, null, null, null, false, true)));
    }

    private static NavAttention attention(String href, java.util.function.ToLongFunction<JianduPrincipal> count) {
        return new NavAttention() {
            @Override
            public String href() {
                return href;
            }

            @Override
            public long waitingFor(JianduPrincipal me) {
                return count.applyAsLong(me);
            }
        };
    }
}
