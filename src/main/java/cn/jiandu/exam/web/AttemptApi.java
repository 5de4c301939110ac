package cn.jiandu.exam.web;

import cn.jiandu.exam.domain.AttemptView;
import cn.jiandu.exam.domain.Attempts;
import cn.jiandu.shared.security.JianduPrincipal;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The candidate's own attempts; anyone else's is 404. */
@RestController
@RequestMapping("/api/v1/attempts")
@Tag(name = "exam", description = "知识测试")
class AttemptApi {

    /** {@code seq}: the phone's counter for this question's saves (optional; a higher one wins). */
    record AnswerForm(List<String> answer, Long seq) {
    }

    record EventForm(String type) {
    }

    private final Attempts attempts;

    AttemptApi(Attempts attempts) {
        this.attempts = attempts;
    }

    @GetMapping("/{id}")
    AttemptView get(JianduPrincipal me, @PathVariable long id) {
        return attempts.get(id, me);
    }

    @PutMapping("/{id}/answers/{questionId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void answer(JianduPrincipal me, @PathVariable long id, @PathVariable long questionId,
            @RequestBody AnswerForm body) {
        attempts.answer(id, questionId, body.answer(), body.seq(), me);
    }

    @PostMapping("/{id}/submit")
    AttemptView.Result submit(JianduPrincipal me, @PathVariable long id) {
        return attempts.submit(id, me);
    }

    @PostMapping("/{id}/events")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void event(JianduPrincipal me, @PathVariable long id, @RequestBody EventForm body) {
        attempts.pageEvent(id, body.type(), me);
    }
}
