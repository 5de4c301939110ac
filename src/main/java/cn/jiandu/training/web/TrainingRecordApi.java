package cn.jiandu.training.web;

import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.training.AttendanceStatus;
import cn.jiandu.training.SessionKind;
import cn.jiandu.training.domain.TrainingRecords;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "training", description = "each person's training record")
class TrainingRecordApi {

    record Entry(String sessionId, SessionKind kind, String title, OffsetDateTime startsAt, OffsetDateTime endsAt,
            AttendanceStatus status, OffsetDateTime signedInAt) {
    }

    record Record(String userId, String person, long invited, long attended, Double attendanceRate,
            List<Entry> sessions, List<Json.Onboarding> onboarding, long talks, List<TalkRow> talkList) {
    }

    record TalkRow(String id, java.time.LocalDate heldOn, String topic) {
    }

    private final TrainingRecords records;
    private final Clock clock;

    TrainingRecordApi(TrainingRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    @GetMapping("/api/v1/people/{userId}/training-record")
    Record get(JianduPrincipal me, @PathVariable long userId) {
        TrainingRecords.Record r = records.of(me, userId);
        long decided = r.sessions().stream().filter(e -> e.status() != null).count();
        return new Record(String.valueOf(r.person().id()), r.person().displayName(), r.invited(), r.attended(),
                decided == 0 ? null : r.attended() / (double) decided,
                r.sessions().stream().map(e -> new Entry(String.valueOf(e.sessionId()), e.kind(), e.title(),
                        Json.odt(e.startsAt()), Json.odt(e.endsAt()), e.status(), Json.odt(e.signedInAt()))).toList(),
                r.onboarding().stream().map(c -> Json.Onboarding.of(c, clock.instant())).toList(), r.talks().size(),
                r.talks().stream().map(t -> new TalkRow(String.valueOf(t.id()), t.heldOn(), t.topic())).toList());
    }
}
