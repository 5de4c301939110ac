package cn.jiandu.problem.domain;

import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.shared.security.JianduPrincipal;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 移交申请待确认: the handling units' clue-transfer proposals the discipline office has not decided yet. */
@Service
@Transactional(readOnly = true)
public class TransferProposals {

    /** A pending proposal: the report, the unit that proposed it, why, and when. */
    public record Pending(String id, String number, String title, String handlingUnitName, String reason,
            OffsetDateTime proposedAt) {
    }

    private final JdbcClient jdbc;
    private final Visibility visibility;
    private final OrgDirectory org;

    TransferProposals(JdbcClient jdbc, Visibility visibility, OrgDirectory org) {
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.org = org;
    }

    /** Oldest first, at most {@code limit}, within what the caller may read. */
    public List<Pending> pending(JianduPrincipal me, int limit) {
        Visibility.Scope scope = visibility.of(me);
        return jdbc.sql("SELECT p.id, p.number, p.title, p.handling_unit_id, p.transfer_proposed_at,"
                        + " (SELECT s.comment FROM problem_step s WHERE s.problem_id = p.id"
                        + " AND s.action = 'PROPOSE_TRANSFER' ORDER BY s.id DESC LIMIT 1) AS reason"
                        + " FROM problem p WHERE p.transfer_proposed_at IS NOT NULL AND " + scope.sql()
                        + " ORDER BY p.transfer_proposed_at, p.id LIMIT :limit")
                .params(scope.params()).param("limit", limit)
                .query((rs, n) -> {
                    Long unit = ProblemRepository.longOrNull(rs, "handling_unit_id");
                    return new Pending(String.valueOf(rs.getLong("id")), rs.getString("number"), rs.getString("title"),
                            unit == null ? null : org.find(unit).map(OrgUnitView::name).orElse("#" + unit),
                            rs.getString("reason"), ProblemQueries.odt(ProblemRepository.instant(rs,
                                    "transfer_proposed_at")));
                })
                .list();
    }
}
