package cn.jiandu.exam.web;

import cn.jiandu.exam.domain.AttemptView;
import cn.jiandu.exam.domain.Attempts;
import cn.jiandu.shared.security.JianduPrincipal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The candidate's page (exam.js) signed in with its session: the same calls as the REST contract under /api/v1 (which
 * takes bearer tokens only), on the page side of the security chain, with the page's CSRF token. Same service, same
 * checks, same JSON and problem details.
 */
@RestController
class AttemptPageApi {

    record AnswerForm(List<String> answer, Long seq) {
    }

    record EventForm(String type) {
    }

    private final Attempts attempts;

    AttemptPageApi(Attempts attempts) {
        this.attempts = attempts;
    }

    @PostMapping("/exams/{id}/attempt")
    ResponseEntity<AttemptView> start(JianduPrincipal me, @PathVariable long id) {
        Attempts.Started s = attempts.start(id, me);
        return ResponseEntity.status(s.created() ? HttpStatus.CREATED : HttpStatus.OK).body(s.attempt());
    }

    @GetMapping("/exams/attempts/{id}/state")
    AttemptView get(JianduPrincipal me, @PathVariable long id) {
        return attempts.get(id, me);
    }

    @PutMapping("/exams/attempts/{id}/answers/{questionId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void answer(JianduPrincipal me, @PathVariable long id, @PathVariable long questionId,
            @RequestBody AnswerForm body) {
        attempts.answer(id, questionId, body.answer(), body.seq(), me);
    }

    @PostMapping("/exams/attempts/{id}/submit")
    AttemptView.Result submit(JianduPrincipal me, @PathVariable long id) {
        return attempts.submit(id, me);
    }

    @PostMapping("/exams/attempts/{id}/events")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void event(JianduPrincipal me, @PathVariable long id, @RequestBody EventForm body) {
        attempts.pageEvent(id, body.type(), me);
    }
}
