package cn.jiandu.exam.web;

import cn.jiandu.exam.ExamPurpose;
import cn.jiandu.exam.domain.Exam;
import cn.jiandu.exam.domain.Exams;
import cn.jiandu.exam.domain.Papers;
import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.UserView;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office puts a paper before an audience on a page (考试): supervisor types and org subtrees, listed people,
 * the window, the time limit and attempts, pass mark, shuffling, the review policy and the onboarding flag.
 */
@Controller
@PreAuthorize("hasAuthority('exam:manage')")
class ExamFormPages {

    private final Exams exams;
    private final Papers papers;
    private final OrgDirectory org;
    private final UserDirectory users;
    private final Clock clock;
    private final FormErrors errors;

    ExamFormPages(Exams exams, Papers papers, OrgDirectory org, UserDirectory users, Clock clock, FormErrors errors) {
        this.exams = exams;
        this.papers = papers;
        this.org = org;
        this.users = users;
        this.clock = clock;
        this.errors = errors;
    }

    @GetMapping("/exams/office/new")
    String create(Model model) {
        return form(model, null, ExamForm.blank(OffsetDateTime.now(clock)));
    }

    @GetMapping("/exams/office/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Exam e = exams.find(id);
        List<String> names = new ArrayList<>();
        e.audience().userIds().forEach(u -> users.find(Long.parseLong(u)).map(UserView::username).ifPresent(names::add));
        return form(model, id, ExamForm.of(e, String.join("\n", names)));
    }

    @PostMapping("/exams/office")
    String save(JianduPrincipal me, @ModelAttribute ExamForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            exams.create(form.toExam(null, userIds(form)), me.id());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/exams/office";
        } catch (Refusal e) {
            errors.show(e, model, response);
            return form(model, null, form);
        }
    }

    @PostMapping("/exams/office/{id}")
    String update(@PathVariable long id, @ModelAttribute ExamForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            exams.update(id, form.toExam(id, userIds(form)));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/exams/office";
        } catch (Refusal e) {
            errors.show(e, model, response);
            return form(model, id, form);
        }
    }

    /** The listed people's ids; an unknown user name is a 400 on the audience. */
    private List<String> userIds(ExamForm form) {
        List<String> ids = new ArrayList<>();
        for (String name : form.usernameList()) {
            Optional<UserView> u = users.findByUsername(name);
            if (u.isEmpty()) {
                throw Refusal.invalidField("usernames", "exam.error.unknownUser", name);
            }
            ids.add(String.valueOf(u.get().id()));
        }
        return ids;
    }

    private String form(Model model, Long id, ExamForm form) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("papers", papers.list());
        model.addAttribute("units", org.all());
        model.addAttribute("roles", Role.values());
        model.addAttribute("gradings", Exam.Counted.values());
        model.addAttribute("reviews", Exam.Review.values());
        model.addAttribute("purposes", ExamPurpose.values());
        return "exam/exam-form";
    }
}
