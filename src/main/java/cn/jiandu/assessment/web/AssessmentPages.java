package cn.jiandu.assessment.web;

import cn.jiandu.assessment.domain.Indicator;
import cn.jiandu.assessment.domain.Rule;
import cn.jiandu.assessment.domain.Scheme;
import cn.jiandu.assessment.domain.SchemeDefinition;
import cn.jiandu.assessment.domain.SchemeService;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

@Controller
class AssessmentPages {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final SchemeService schemes;
    private final MessageSource messages;

    AssessmentPages(SchemeService schemes, MessageSource messages) {
        this.schemes = schemes;
        this.messages = messages;
    }

    @GetMapping("/assessment/schemes")
    @PreAuthorize("hasAuthority('assessment:scheme-read')")
    String schemes(@RequestParam(required = false) Integer year, JianduPrincipal me, Model model) {
        model.addAttribute("schemes", schemes.current(year).stream().map(this::view).toList());
        model.addAttribute("me", me);
        return "assessment/schemes";
    }

    /** The admin's edit: the scheme's JSON as in the API; errors are shown field by field. */
    @PostMapping("/assessment/schemes/{id}")
    @PreAuthorize("hasAuthority('assessment:scheme-edit')")
    String save(@PathVariable long id, @RequestParam String definition, JianduPrincipal me, Model model) {
        try {
            SchemeDefinition d = JSON.readValue(definition, SchemeDefinition.class);
            Scheme saved = schemes.update(id, d);
            return "redirect:/assessment/schemes?saved=" + saved.id() + "#scheme-" + saved.id();
        } catch (JacksonException e) {
            model.addAttribute("errors", List.of(msg("error.invalidValue") + ": " + e.getOriginalMessage()));
        } catch (Refusal r) {
            if (r.kind() != Refusal.Kind.INVALID) {
                throw r;
            }
            model.addAttribute("errors", r.fieldErrors().isEmpty() ? List.of(msg(r.messageKey(), r.args()))
                    : r.fieldErrors().stream().map(f -> f.field() + ": " + msg(f.messageKey(), f.args())).toList());
        }
        model.addAttribute("failedId", id);
        model.addAttribute("failedJson", definition);
        return schemes(null, me, model);
    }

    private SchemeView view(Scheme s) {
        java.util.Map<String, String> rules = new java.util.HashMap<>();
        s.definition().dimensions().forEach(d -> d.indicators().forEach(i -> rules.put(i.code(), ruleText(i))));
        BigDecimal cap = s.definition().grades().excellentShareCap();
        return new SchemeView(s, json(s), rules, cap == null ? null : percent(cap));
    }

    /** The rule of an indicator in words, for the page. */
    String ruleText(Indicator i) {
        Rule r = i.rule();
        if (r == null) {
            return i.entered() ? msg("assessment.rule.entered") : "";
        }
        return switch (r.kind()) {
            case LINEAR -> msg("assessment.rule.LINEAR", plain(r.from()), plain(r.to()));
            case STEPS -> msg("assessment.rule.STEPS", r.steps().stream()
                    .map(s -> "≥" + plain(s.atLeast()) + "→" + plain(s.score())).collect(Collectors.joining("，")));
            case RATIO -> msg("assessment.rule.RATIO", plain(r.points()));
        };
    }

    /** A share 0..1 as a percent figure without trailing zeros (0.20 → 20). */
    String percent(BigDecimal share) {
        return plain(share.multiply(BigDecimal.valueOf(100)));
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }

    private String json(Scheme s) {
        return JSON.writeValueAsString(s.definition());
    }

    private String msg(String key, Object... args) {
        Locale l = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, l);
    }
}
