package cn.jiandu.assessment.domain;

import cn.jiandu.ledger.LedgerFigures;
import java.util.List;

/** What a result was computed from and came to: frozen with the result once the run is published. */
public record Breakdown(List<Scoring.DimensionScore> dimensions, LedgerFigures figures) {
}
