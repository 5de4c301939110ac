package cn.jiandu.training.web;

import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.training.domain.OnboardingService;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/onboarding")
@Tag(name = "training", description = "五个一 onboarding")
class OnboardingApi {

    record ConfirmForm(LocalDate doneOn, String comment) {
    }

    private final OnboardingService onboarding;
    private final Clock clock;

    OnboardingApi(OnboardingService onboarding, Clock clock) {
        this.onboarding = onboarding;
        this.clock = clock;
    }

    /** The office's (a branch secretary's: his subtree) checklists; status OPEN, OVERDUE or COMPLETED. */
    @GetMapping
    @PreAuthorize("hasAuthority('training:onboarding-read')")
    List<Json.Onboarding> list(JianduPrincipal me, @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) String status) {
        return onboarding.list(me, unitId, status).stream().map(c -> Json.Onboarding.of(c, clock.instant()))
                .toList();
    }

    @GetMapping("/{appointmentId}")
    Json.Onboarding get(JianduPrincipal me, @PathVariable long appointmentId) {
        return Json.Onboarding.of(onboarding.visible(me, appointmentId), clock.instant());
    }

    @PostMapping("/{appointmentId}/items/{code}/confirm")
    @PreAuthorize("hasAuthority('training:onboarding-confirm')")
    Json.Onboarding confirm(JianduPrincipal me, @PathVariable long appointmentId, @PathVariable String code,
            @RequestBody ConfirmForm body) {
        return Json.Onboarding.of(onboarding.confirm(me, appointmentId, code, body.doneOn(), body.comment()),
                clock.instant());
    }
}
