package cn.jiandu.exam.web;

import cn.jiandu.exam.domain.QuestionBank;
import cn.jiandu.exam.domain.QuestionType;
import cn.jiandu.shared.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The office writes and edits the bank's questions (题库) on a page; an answered question gets a new version. */
@Controller
@PreAuthorize("hasAuthority('exam:manage')")
class QuestionPages {

    private final QuestionBank bank;
    private final FormErrors errors;

    QuestionPages(QuestionBank bank, FormErrors errors) {
        this.bank = bank;
        this.errors = errors;
    }

    @GetMapping("/exams/bank/new")
    String create(Model model) {
        return form(model, null, QuestionForm.blank());
    }

    @GetMapping("/exams/bank/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        return form(model, id, QuestionForm.of(bank.find(id)));
    }

    @PostMapping("/exams/bank")
    String save(@ModelAttribute QuestionForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            bank.create(form.toQuestion(null));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/exams/bank";
        } catch (Refusal e) {
            errors.show(e, model, response);
            return form(model, null, form);
        }
    }

    @PostMapping("/exams/bank/{id}")
    String update(@PathVariable long id, @ModelAttribute QuestionForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            QuestionBank.Updated u = bank.update(id, form.toQuestion(id));
            redirect.addFlashAttribute("change", u.change().name());
            redirect.addFlashAttribute("regraded", u.regradedAttempts());
            return "redirect:/exams/bank";
        } catch (Refusal e) {
            errors.show(e, model, response);
            return form(model, id, form);
        }
    }

    @PostMapping("/exams/bank/{id}/delete")
    String delete(@PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            bank.delete(id);
            redirect.addFlashAttribute("deleted", true);
            return "redirect:/exams/bank";
        } catch (Refusal e) {
            errors.show(e, model, response);
            return form(model, id, QuestionForm.of(bank.find(id)));
        }
    }

    private String form(Model model, Long id, QuestionForm form) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("types", QuestionType.values());
        model.addAttribute("categories", bank.categories());
        model.addAttribute("keys", QuestionForm.KEYS);
        return "exam/question-form";
    }
}
