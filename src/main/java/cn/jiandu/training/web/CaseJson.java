package cn.jiandu.training.web;

import cn.jiandu.training.CaseKind;
import cn.jiandu.training.CaseStatus;
import cn.jiandu.training.domain.CaseMeetings;
import cn.jiandu.training.domain.CaseQueries;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The JSON shapes of the cases API (ids as strings, instants with offset). */
final class CaseJson {

    private CaseJson() {
    }

    record Row(String id, CaseKind kind, CaseStatus status, String title, String authorId, String author,
            String unitId, String unit, String quarter, String meetingId, OffsetDateTime submittedAt,
            OffsetDateTime publishedAt) {

        static Row of(CaseQueries.Row r) {
            return new Row(String.valueOf(r.id()), r.kind(), r.status(), r.title(), String.valueOf(r.authorId()),
                    r.author(), String.valueOf(r.unitId()), r.unit(), r.quarter(), Json.id(r.meetingId()),
                    Json.odt(r.submittedAt()), Json.odt(r.publishedAt()));
        }
    }

    record File(String id, String name, long size, String contentType, String href) {
    }

    record Step(String action, String actor, String comment, OffsetDateTime at) {
    }

    record Case(String id, CaseKind kind, CaseStatus status, String title, String background, String finding,
            String handling, String effect, String authorId, String author, String unitId, String unit,
            String categoryCode, List<String> problemIds, String sourceProblemId, String reviewComment,
            String meetingId, String quarter, OffsetDateTime submittedAt, OffsetDateTime reviewedAt,
            OffsetDateTime selectedAt, OffsetDateTime publishedAt, List<File> files, List<Step> history,
            boolean mayEdit, boolean mayReview) {

        static Case of(CaseQueries.View v) {
            CaseQueries.Row r = v.row();
            String base = "/api/v1/cases/" + r.id() + "/files/";
            return new Case(String.valueOf(r.id()), r.kind(), r.status(), r.title(), v.background(), v.finding(),
                    v.handling(), v.effect(), String.valueOf(r.authorId()), r.author(), String.valueOf(r.unitId()),
                    r.unit(), v.categoryCode(), Json.ids(v.problemIds()), Json.id(v.sourceProblemId()),
                    v.reviewComment(), Json.id(r.meetingId()), r.quarter(), Json.odt(r.submittedAt()),
                    Json.odt(v.reviewedAt()), Json.odt(v.selectedAt()), Json.odt(r.publishedAt()),
                    v.files().stream().map(f -> new File(String.valueOf(f.id()), f.name(), f.size(), f.contentType(),
                            base + f.id())).toList(),
                    v.steps().stream().map(s -> new Step(s.action(), s.actor(), s.comment(), Json.odt(s.at())))
                            .toList(), v.mayEdit(), v.mayReview());
        }
    }

    record Person(String id, String name) {
    }

    record CaseRef(String id, String title, CaseStatus status) {
    }

    record Meeting(String id, String quarter, LocalDate date, String place, List<Person> presenters,
            List<CaseRef> cases) {

        static Meeting of(CaseMeetings.MeetingView m) {
            return new Meeting(String.valueOf(m.id()), m.quarter(), m.date(), m.place(),
                    m.presenters().stream().map(p -> new Person(String.valueOf(p.id()), p.name())).toList(),
                    m.cases().stream().map(c -> new CaseRef(String.valueOf(c.id()), c.title(), c.status())).toList());
        }
    }
}
