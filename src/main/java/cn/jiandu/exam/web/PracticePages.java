package cn.jiandu.exam.web;

import cn.jiandu.exam.domain.Practice;
import cn.jiandu.exam.domain.QuestionBank;
import cn.jiandu.exam.domain.WrongBook;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.web.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 练习 and 错题本 on a supervisor's phone: he picks a category (or his wrong-answer book), answers one question per
 * screen and sees at once whether he was right, the right answer and the explanation. The same services as
 * {@code /api/v1/practice} and {@code /api/v1/wrong-book}; the answer card is swapped in place under htmx, a whole
 * page without it.
 */
@Controller
class PracticePages {

    static final int DEFAULT_COUNT = 10;

    private final Practice practice;
    private final WrongBook wrongBook;
    private final QuestionBank bank;
    private final FormErrors errors;

    PracticePages(Practice practice, WrongBook wrongBook, QuestionBank bank, FormErrors errors) {
        this.practice = practice;
        this.wrongBook = wrongBook;
        this.bank = bank;
        this.errors = errors;
    }

    @GetMapping("/exams/practice")
    String start(JianduPrincipal me, Model model) {
        return startPage(me, model, null, DEFAULT_COUNT);
    }

    @PostMapping("/exams/practice")
    String begin(JianduPrincipal me, @RequestParam(required = false) String category,
            @RequestParam(required = false) Boolean fromWrongBook, @RequestParam(required = false) Integer count,
            Model model, HttpServletResponse response) {
        try {
            Practice.Session s = practice.start(category, Boolean.TRUE.equals(fromWrongBook), count, me);
            return "redirect:/exams/practice/" + s.practiceId();
        } catch (Refusal e) {
            errors.show(e, model, response);
            return startPage(me, model, category, count);
        }
    }

    private String startPage(JianduPrincipal me, Model model, String category, Integer count) {
        model.addAttribute("categories", bank.categories());
        model.addAttribute("category", category);
        model.addAttribute("count", count == null ? DEFAULT_COUNT : count);
        model.addAttribute("max", Practice.MAX_COUNT);
        model.addAttribute("wrongCount", wrongBook.of(me.id()).size());
        return "exam/practice";
    }

    /** Question {@code n} (default: the first not answered yet), or the summary when all are answered. */
    @GetMapping("/exams/practice/{id}")
    String sheet(JianduPrincipal me, @PathVariable long id, @RequestParam(required = false) Integer n, Model model) {
        Practice.Sheet sheet = practice.sheet(id, me);
        int at = n == null ? sheet.next() : Math.max(0, Math.min(n, sheet.items().size() - 1));
        model.addAttribute("sheet", sheet);
        model.addAttribute("n", at);
        return "exam/practice-sheet";
    }

    @PostMapping("/exams/practice/{id}/answers")
    String answer(JianduPrincipal me, @PathVariable long id, @RequestParam long questionId,
            @RequestParam(required = false) List<String> answer,
            HtmxRequest htmx, Model model,
            HttpServletResponse response) {
        try {
            Practice.Feedback fb = practice.answer(id, questionId, answer == null ? List.of() : answer, me);
            model.addAttribute("inWrongBook", fb.inWrongBook());
        } catch (Refusal e) {
            errors.show(e, model, response);
        }
        Practice.Sheet sheet = practice.sheet(id, me);
        int at = 0;
        for (int i = 0; i < sheet.items().size(); i++) {
            if (sheet.items().get(i).questionId().equals(String.valueOf(questionId))) {
                at = i;
            }
        }
        model.addAttribute("sheet", sheet);
        model.addAttribute("n", at);
        return htmx.isHtmx() ? "exam/practice-sheet :: card" : "exam/practice-sheet";
    }

    @GetMapping("/exams/wrong-book")
    String wrongBook(JianduPrincipal me, Model model) {
        model.addAttribute("entries", wrongBook.of(me.id()));
        model.addAttribute("needed", WrongBook.RIGHT_IN_A_ROW);
        return "exam/wrong-book";
    }
}
