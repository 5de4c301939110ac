package cn.jiandu.exam.web;

import cn.jiandu.exam.domain.Practice;
import cn.jiandu.exam.domain.WrongBook;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "exam", description = "知识测试")
class PracticeApi {

    record StartForm(String category, Boolean fromWrongBook, Integer count) {
    }

    record AnswerForm(String questionId, List<String> answer) {
    }

    private final Practice practice;
    private final WrongBook wrongBook;

    PracticeApi(Practice practice, WrongBook wrongBook) {
        this.practice = practice;
        this.wrongBook = wrongBook;
    }

    @PostMapping("/api/v1/practice")
    @ResponseStatus(HttpStatus.CREATED)
    Practice.Session start(JianduPrincipal me, @RequestBody StartForm body) {
        return practice.start(body.category(), Boolean.TRUE.equals(body.fromWrongBook()), body.count(), me);
    }

    @PostMapping("/api/v1/practice/{id}/answers")
    Practice.Feedback answer(JianduPrincipal me, @PathVariable long id, @RequestBody AnswerForm body) {
        long q;
        try {
            q = Long.parseLong(body.questionId() == null ? "" : body.questionId());
        } catch (NumberFormatException e) {
            throw Refusal.invalidField("questionId", "error.invalidValue");
        }
        return practice.answer(id, q, body.answer(), me);
    }

    @GetMapping("/api/v1/wrong-book")
    List<WrongBook.Entry> wrongBook(JianduPrincipal me) {
        return wrongBook.of(me.id());
    }
}
