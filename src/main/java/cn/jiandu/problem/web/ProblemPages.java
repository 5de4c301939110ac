package cn.jiandu.problem.web;

import cn.jiandu.shared.Refusal;
import cn.jiandu.files.FileStore;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.problem.ProblemAction;
import cn.jiandu.problem.Rating;
import cn.jiandu.problem.domain.ActionCommand;
import cn.jiandu.problem.domain.CategoryRepository;
import cn.jiandu.problem.domain.PhotoService;
import cn.jiandu.problem.domain.Position;
import cn.jiandu.problem.domain.Problem;
import cn.jiandu.problem.domain.ProblemDetail;
import cn.jiandu.problem.domain.ProblemQueries;
import cn.jiandu.problem.domain.ProblemService;
import cn.jiandu.problem.domain.SubmitCommand;
import cn.jiandu.problem.ProblemProperties;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.time.ClockConfig;
import cn.jiandu.shared.web.ApiException;
import cn.jiandu.shared.web.RefusalStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
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

    /** A refused action: what was typed, shown again in its open panel with the reason. */
    record FailedAction(ProblemAction action, String comment, Long handlingUnitId, Integer days, String error) {
    }

    /** A refused rating: the grade and comment chosen, shown again with the reason. */
    record FailedRating(Rating rating, String comment, String error) {
    }

    /** The report form's fields, kept to re-show the form after a refusal. */
    record ReportForm(String title, String description, String categoryCode, Long orgUnitId, String location,
            Boolean anonymous, Double latitude, Double longitude, Double accuracy) {

        Position position() {
            return latitude == null && longitude == null ? null : new Position(latitude, longitude, accuracy);
        }
    }

    private final ProblemService service;
    private final ProblemQueries queries;
    private final CategoryRepository categories;
    private final OrgDirectory org;
    private final PhotoService photos;
    private final FileStore files;
    private final ProblemProperties props;
    private final PageSupport support;
    private final Clock clock;

    ProblemPages(ProblemService service, ProblemQueries queries, CategoryRepository categories, OrgDirectory org,
            PhotoService photos, FileStore files, ProblemProperties props, PageSupport support, Clock clock) {
        this.clock = clock;
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
        return showForm(model, new ReportForm(null, null, null, me.orgUnitId(), null, false, null, null, null), null);
    }

    @PostMapping("/problems")
    @PreAuthorize("hasAuthority('problem:report')")
    String submit(JianduPrincipal me, ReportForm form,
            @RequestParam(value = "photos", required = false) List<MultipartFile> photoFiles, Model model,
            RedirectAttributes redirect) {
        try {
            Problem p = service.submit(me, new SubmitCommand(form.title(), form.description(), form.categoryCode(),
                    form.orgUnitId(), form.location(), form.anonymous(), form.position()), Uploads.of(photoFiles));
            redirect.addFlashAttribute("notice", support.message("problem.report.done", p.number()));
            return "redirect:/problems/" + p.id();
        } catch (Refusal e) {
            // the typed text stays; the error stands next to the field that caused it (photos: chosen again)
            model.addAttribute("fieldErrors", support.fieldMessages(e));
            return showForm(model, form, support.fieldErrorsOnly(e) ? support.message("error.validation") : support.message(e));
        }
    }

    @GetMapping("/problems/{id}")
    String detail(JianduPrincipal me, @PathVariable long id, Model model) {
        return showDetail(me, id, model);
    }

    private String showDetail(JianduPrincipal me, long id, Model model) {
        ProblemDetail p = queries.detail(me, id);
        model.addAttribute("p", p);
        model.addAttribute("units", org.all());
        model.addAttribute("ratings", Rating.values());
        model.addAttribute("defaultDays", props.defaultDeadlineDays());
        model.addAttribute("maxPhotos", props.maxPhotos());
        model.addAttribute("maxPhotoMb", Math.max(1, props.maxPhotoBytes() / (1024 * 1024)));
        if (p.pendingExtensionDays() != null && p.allowedActions().contains(ProblemAction.APPROVE_EXTENSION)) {
            // what the approver decides on: the days asked for and the due date an approval now gives
            model.addAttribute("extensionDue", service.extendedDue(p.dueAt() == null ? null : p.dueAt().toInstant(),
                    p.pendingExtensionDays(), clock.instant()).atZone(ClockConfig.ZONE).toOffsetDateTime());
        }
        return "problem/detail";
    }

    @PostMapping("/problems/{id}/actions")
    String act(JianduPrincipal me, @PathVariable long id, @RequestParam ProblemAction action,
            @RequestParam(required = false) String comment, @RequestParam(required = false) Long handlingUnitId,
            @RequestParam(required = false) Integer days,
            @RequestParam(value = "photos", required = false) List<MultipartFile> evidence, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
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
            // the page again with what he typed and the reason next to it: a reply is not retyped on a phone
            response.setStatus(RefusalStatus.of(e).value());
            model.addAttribute("failed", new FailedAction(action, comment, handlingUnitId, days,
                    support.message(e)));
            return showDetail(me, id, model);
        }
    }

    @PostMapping("/problems/{id}/rating")
    String rate(JianduPrincipal me, @PathVariable long id, @RequestParam(required = false) Rating rating,
            @RequestParam(required = false) String comment, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            service.rate(me, id, rating, comment);
            redirect.addFlashAttribute("notice", support.message("problem.action.RATE") + " ✓");
            return "redirect:/problems/" + id;
        } catch (Refusal e) {
            if (e.kind() == Refusal.Kind.NOT_FOUND) {
                throw e;
            }
            response.setStatus(RefusalStatus.of(e).value());
            model.addAttribute("failedRating", new FailedRating(rating, comment, support.message(e)));
            return showDetail(me, id, model);
        }
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
        model.addAttribute("maxPhotoMb", Math.max(1, props.maxPhotoBytes() / (1024 * 1024)));
        model.addAttribute("error", error);
        return "problem/report";
    }

}
