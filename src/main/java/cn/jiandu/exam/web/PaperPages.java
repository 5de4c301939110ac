package cn.jiandu.exam.web;

import cn.jiandu.exam.domain.Papers;
import cn.jiandu.exam.domain.QuestionBank;
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

/**
 * The office composes papers (试卷) on a page: fixed questions ticked from the bank and random-draw rules; a rule
 * the bank cannot fill comes back as 400 with 「第 N 条抽题规则缺少 M 道」 beside its row.
 */
@Controller
@PreAuthorize("hasAuthority('exam:manage')")
class PaperPages {

    private final Papers papers;
    private final QuestionBank bank;
    private final FormErrors errors;

    PaperPages(Papers papers, QuestionBank bank, FormErrors errors) {
        this.papers = papers;
        this.bank = bank;
        this.errors = errors;
    }

    @GetMapping("/exams/papers/new")
    String create(Model model) {
        return form(model, null, PaperForm.blank());
    }

    @GetMapping("/exams/papers/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        return form(model, id, PaperForm.of(papers.find(id)));
    }

    @PostMapping("/exams/papers")
    String save(@ModelAttribute PaperForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            papers.create(form.toPaper(null));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/exams/office";
        } catch (Refusal e) {
            errors.show(e, model, response);
            return form(model, null, form);
        }
    }

    @PostMapping("/exams/papers/{id}")
    String update(@PathVariable long id, @ModelAttribute PaperForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            papers.update(id, form.toPaper(id));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/exams/office";
        } catch (Refusal e) {
            errors.show(e, model, response);
            return form(model, id, form);
        }
    }

    private String form(Model model, Long id, PaperForm form) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("rows", form.rows());
        model.addAttribute("categories", bank.categories());
        model.addAttribute("questions", bank.list(null, null, null, 1000));
        return "exam/paper-form";
    }
}
