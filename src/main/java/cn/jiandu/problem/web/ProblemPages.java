package cn.jiandu.problem.web;

import cn.jiandu.shared.Refusal;
import cn.jiandu.files.FileStore;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.problem.ProblemAction;
import cn.jiandu.problem.Rating;
import cn.jiandu.problem.domain.ActionCommand;
import cn.jiandu.problem.domain.CategoryRepository;
import cn.jiandu.problem.domain.PhotoService;
import cn.jiandu.problem.domain.Problem;
import cn.jiandu.problem.domain.ProblemQueries;
import cn.jiandu.problem.domain.ProblemService;
import cn.jiandu.problem.domain.SubmitCommand;
import cn.jiandu.problem.ProblemProperties;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.web.ApiException;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import cn.jiandu.shared.web.Uploads;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 随手拍 form, the detail page with its timeline and the buttons the caller may use, actions and rating. */
@Controller
class ProblemPages {

    /** The report form's fields, kept to re-show the form after a refusal. */
    record ReportForm(String title, String description, String categoryCode, Long orgUnitId, String location,
            Boolean anonymous) {
    }

    private final ProblemService service;
    private final ProblemQueries queries;
    private final CategoryRepository categories;
    private final OrgDirectory org;
    private final PhotoService photos;
    private final FileStore files;
    private final ProblemProperties props;
    private final PageSupport support;

    ProblemPages(ProblemService service, ProblemQueries queries, CategoryRepository categories, OrgDirectory org,
            PhotoService photos, FileStore files, ProblemProperties props, PageSupport support) {
        this.service = service;
        this.queries = queries;
        this.categories = categories;
        this.org = org;
        this.photos = photos;
        this.files = files;
        this.props = props;
        this.support = support;
    }

    @GetMapping("/problems/new")
    @PreAuthorize("hasAuthority('problem:report')")
    String form(JianduPrincipal me, Model model) {
        return showForm(model, new ReportForm(null, null, null, me.orgUnitId(), null, false), null);
    }

    @PostMapping("/problems")
    @PreAuthorize("hasAuthority('problem:report')")
    String submit(JianduPrincipal me, ReportForm form,
            @RequestParam(value = "photos", required = false) List<MultipartFile> photoFiles, Model model,
            RedirectAttributes redirect) {
        try {
            Problem p = service.submit(me, new SubmitCommand(form.title(), form.description(), form.categoryCode(),
                    form.orgUnitId(), form.location(), form.anonymous()), Uploads.of(photoFiles));
            redirect.addFlashAttribute("notice", support.message("problem.report.done", p.number()));
            return "redirect:/problems/" + p.id();
        } catch (Refusal e) {
            return showForm(model, form, support.message(e));
        }
    }

    @GetMapping("/problems/{id}")
    String detail(JianduPrincipal me, @PathVariable long id, Model model) {
        model.addAttribute("p", queries.detail(me, id));
        model.addAttribute("units", org.all());
        model.addAttribute("ratings", Rating.values());
        model.addAttribute("defaultDays", props.defaultDeadlineDays());
        return "problem/detail";
    }

    @PostMapping("/problems/{id}/actions")
    String act(JianduPrincipal me, @PathVariable long id, @RequestParam ProblemAction action,
            @RequestParam(required = false) String comment, @RequestParam(required = false) Long handlingUnitId,
            @RequestParam(required = false) Integer days,
            @RequestParam(value = "photos", required = false) List<MultipartFile> evidence,
            RedirectAttributes redirect) {
        try {
            Problem p = service.act(me, id, new ActionCommand(action, comment, handlingUnitId, days),
                    Uploads.of(evidence));
            redirect.addFlashAttribute("notice", support.message(action.messageKey()) + " ✓");
            boolean stillVisible = true;
            try {
                queries.visible(me, p.id());
            } catch (Refusal gone) {
                stillVisible = false;
            }
            return stillVisible ? "redirect:/problems/" + id : "redirect:/problems/queue";
        } catch (Refusal e) {
            if (e.kind() == Refusal.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("error", support.message(e));
            return "redirect:/problems/" + id;
        }
    }

    @PostMapping("/problems/{id}/rating")
    String rate(JianduPrincipal me, @PathVariable long id, @RequestParam(required = false) Rating rating,
            @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        try {
            service.rate(me, id, rating, comment);
            redirect.addFlashAttribute("notice", support.message("problem.action.RATE") + " ✓");
        } catch (Refusal e) {
            if (e.kind() == Refusal.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("error", support.message(e));
        }
        return "redirect:/problems/" + id;
    }

    @GetMapping("/problems/{id}/photos/{photoId}")
    ResponseEntity<Resource> photo(JianduPrincipal me, @PathVariable long id, @PathVariable long photoId,
            @RequestParam(required = false) String size) {
        return ProblemApi.servePhoto(queries, photos, files, me, id, photoId, size);
    }

    private String showForm(Model model, ReportForm form, String error) {
        model.addAttribute("form", form);
        model.addAttribute("categories", categories.all());
        model.addAttribute("units", org.all());
        model.addAttribute("anonymousAllowed", props.anonymousAllowed());
        model.addAttribute("maxPhotos", props.maxPhotos());
        model.addAttribute("error", error);
        return "problem/report";
    }

}
