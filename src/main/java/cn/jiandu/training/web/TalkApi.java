package cn.jiandu.training.web;

import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.training.domain.Talks;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/talks")
@Tag(name = "training", description = "谈心谈话")
class TalkApi {

    record TalkJson(String id, String authorId, String author, String withUserId, String with, String withDescription,
            LocalDate heldOn, String topic, String summary, String followUp, OffsetDateTime createdAt) {

        static TalkJson of(Talks.Talk t) {
            return new TalkJson(String.valueOf(t.id()), String.valueOf(t.authorId()), t.author(),
                    Json.id(t.withUserId()), t.withName(), t.withDescription(), t.heldOn(), t.topic(), t.summary(),
                    t.followUp(), Json.odt(t.createdAt()));
        }
    }

    private final Talks talks;

    TalkApi(Talks talks) {
        this.talks = talks;
    }

    /** His own talks; the office and leaders everyone's ({@code authorId} narrows), newest first (at most 500). */
    @GetMapping
    List<TalkJson> list(JianduPrincipal me, @RequestParam(required = false) Long authorId) {
        return talks.list(me, authorId).stream().map(TalkJson::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TalkJson record(JianduPrincipal me, @RequestBody Talks.TalkCommand body) {
        return TalkJson.of(talks.record(me, body));
    }

    @GetMapping("/{id}")
    TalkJson get(JianduPrincipal me, @PathVariable long id) {
        return TalkJson.of(talks.visible(me, id));
    }
}
