package cn.jiandu.selection.web;

import cn.jiandu.selection.domain.ChainService;
import cn.jiandu.selection.domain.ChainStep;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The chain of steps (data, versioned): read by everyone signed in, replaced by the office. */
@RestController
@RequestMapping("/api/v1/selection/steps")
@Tag(name = "selection", description = "组织链: 七步法流程")
class ChainApi {

    record StepJson(String code, String name, String ownerRole, String ownerUnitId, Boolean ownerIsScopeBranch,
            Integer deadlineWorkingDays, Boolean opinionRequired) {

        static StepJson of(ChainStep s) {
            return new StepJson(s.code(), s.name(), s.ownerRole().name(),
                    s.ownerUnitId() == null ? null : String.valueOf(s.ownerUnitId()), s.ownerIsScopeBranch(),
                    s.deadlineWorkingDays(), s.opinionRequired());
        }
    }

    private final ChainService chain;

    ChainApi(ChainService chain) {
        this.chain = chain;
    }

    @GetMapping
    List<StepJson> steps() {
        return chain.current().stream().map(StepJson::of).toList();
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('selection:chain-edit')")
    List<StepJson> replace(JianduPrincipal me, @RequestBody List<StepJson> body) {
        if (body == null) {
            throw Refusal.invalidField("steps", "chain.error.count");
        }
        List<ChainStep> steps = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            StepJson s = body.get(i);
            Role role;
            try {
                role = s == null || s.ownerRole() == null ? null : Role.valueOf(s.ownerRole());
            } catch (IllegalArgumentException e) {
                role = null;
            }
            if (role == null) {
                throw Refusal.invalidField("[" + i + "].ownerRole", "chain.error.role");
            }
            Long unit;
            try {
                unit = s.ownerUnitId() == null || s.ownerUnitId().isBlank() ? null : Long.parseLong(s.ownerUnitId());
            } catch (NumberFormatException e) {
                throw Refusal.invalidField("[" + i + "].ownerUnitId", "chain.error.unit");
            }
            steps.add(new ChainStep(i + 1, s.code(), s.name(), role, unit, Boolean.TRUE.equals(s.ownerIsScopeBranch()),
                    s.deadlineWorkingDays() == null ? 0 : s.deadlineWorkingDays(),
                    Boolean.TRUE.equals(s.opinionRequired())));
        }
        return chain.replace(me, steps).stream().map(StepJson::of).toList();
    }
}
