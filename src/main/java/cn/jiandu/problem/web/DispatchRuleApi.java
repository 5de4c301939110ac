package cn.jiandu.problem.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 分办规则, admin only. Changes go through {@link DispatchRules}, which the rules page uses as well. */
@RestController
@RequestMapping("/api/v1/dispatch-rules")
@PreAuthorize("hasAuthority('problem:dispatch')")
@Tag(name = "problem")
class DispatchRuleApi {

    private final DispatchRules rules;

    DispatchRuleApi(DispatchRules rules) {
        this.rules = rules;
    }

    @GetMapping
    List<DispatchRuleJson> list() {
        return rules.all().stream().map(DispatchRuleJson::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    DispatchRuleJson create(@RequestBody DispatchRuleJson body) {
        return DispatchRuleJson.of(rules.create(body));
    }

    @PutMapping("/{id}")
    DispatchRuleJson update(@PathVariable long id, @RequestBody DispatchRuleJson body) {
        return DispatchRuleJson.of(rules.update(id, body));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        rules.delete(id);
    }
}
