package cn.jiandu.exam.web;

import cn.jiandu.exam.ExamPermissions;
import cn.jiandu.exam.domain.ExamResults;
import cn.jiandu.exam.domain.Exams;
import cn.jiandu.exam.domain.ItemAnalysis;
import cn.jiandu.exam.domain.Papers;
import cn.jiandu.exam.domain.QuestionBank;
import cn.jiandu.exam.domain.QuestionImport;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.paging.PageSize;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.web.Uploads;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 我的考试, the candidate's page (one question per screen; it talks to the REST contract through exam.js), and the
 * office's pages: exams with their results and item analysis, and the bank with its .xlsx import.
 */
@Controller
class ExamPages {

    private final Exams exams;
    private final ExamResults results;
    private final QuestionBank bank;
    private final QuestionImport imports;
    private final Papers papers;

    ExamPages(Exams exams, ExamResults results, QuestionBank bank, QuestionImport imports, Papers papers) {
        this.exams = exams;
        this.results = results;
        this.bank = bank;
        this.imports = imports;
        this.papers = papers;
    }

    @GetMapping("/exams/mine")
    String mine(JianduPrincipal me, Model model) {
        model.addAttribute("exams", exams.mine(me));
        return "exam/mine";
    }

    @GetMapping("/exams/{id}/take")
    String take(JianduPrincipal me, @PathVariable long id, Model model) {
        model.addAttribute("exam", exams.findFor(id, me));
        model.addAttribute("attemptId", null);
        return "exam/take";
    }

    /** A past attempt: his result and, as the review policy allows, the right answers. */
    @GetMapping("/exams/attempts/{attemptId}")
    String attempt(@PathVariable long attemptId, Model model) {
        model.addAttribute("exam", null);
        model.addAttribute("attemptId", attemptId);
        return "exam/take";
    }

    @GetMapping("/exams/office")
    @PreAuthorize("hasAuthority('exam:manage') or hasAuthority('exam:results-read')")
    String office(JianduPrincipal me, Model model) {
        model.addAttribute("exams", exams.list());
        model.addAttribute("papers", me.can(ExamPermissions.MANAGE) ? papers.list() : java.util.List.of());
        model.addAttribute("manage", me.can(ExamPermissions.MANAGE));
        return "exam/office";
    }

    @GetMapping("/exams/{id}/results")
    @PreAuthorize("hasAuthority('exam:results-read')")
    String results(JianduPrincipal me, @PathVariable long id, @RequestParam(required = false) Long unitId,
            Model model) {
        model.addAttribute("exam", exams.find(id));
        model.addAttribute("summary", results.summary(id, me, unitId));
        model.addAttribute("rows", results.list(id, me, unitId, PageSize.MAX, null));
        boolean analysis = me.can(ExamPermissions.MANAGE) || me.seesEverything();
        if (analysis) {
            ItemAnalysis.Report report = results.analysis(id);
            model.addAttribute("analysis", report);
            Map<String, String> stems = new HashMap<>();
            report.questions().forEach(q -> stems.put(q.questionId(), stem(Long.parseLong(q.questionId()))));
            model.addAttribute("stems", stems);
        }
        return "exam/results";
    }

    private String stem(long questionId) {
        try {
            String s = bank.find(questionId).stem();
            return s.length() > 40 ? s.substring(0, 40) + "…" : s;
        } catch (Refusal deleted) {
            return "#" + questionId;
        }
    }

    @GetMapping("/exams/bank")
    @PreAuthorize("hasAuthority('exam:manage')")
    String bank(@RequestParam(required = false) String category, @RequestParam(required = false) String q,
            Model model) {
        model.addAttribute("categories", bank.categories());
        model.addAttribute("category", category);
        model.addAttribute("q", q);
        model.addAttribute("questions", bank.list(category, null, q, 200));
        return "exam/bank";
    }

    @PostMapping("/exams/bank/import")
    @PreAuthorize("hasAuthority('exam:manage')")
    String importQuestions(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
            RedirectAttributes redirect) {
        try {
            if (file == null || file.isEmpty()) {
                throw Refusal.invalidField("file", "exam.import.error.empty");
            }
            int n = imports.importFile(Uploads.of(file));
            redirect.addFlashAttribute("imported", n);
            return "redirect:/exams/bank";
        } catch (Refusal r) {
            model.addAttribute("refusal", r);
            model.addAttribute("categories", bank.categories());
            model.addAttribute("questions", bank.list(null, null, null, 200));
            return "exam/bank";
        }
    }
}
