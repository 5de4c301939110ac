package cn.jiandu.problem.web;

import cn.jiandu.audit.AuditTrail;
import cn.jiandu.problem.domain.Category;
import cn.jiandu.problem.domain.CategoryRepository;
import cn.jiandu.shared.web.ApiException;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/problem-categories")
@Tag(name = "problem", description = "监督一点通")
class CategoryApi {

    private final CategoryRepository categories;
    private final AuditTrail audit;

    CategoryApi(CategoryRepository categories, AuditTrail audit) {
        this.categories = categories;
        this.audit = audit;
    }

    @GetMapping
    List<Category> list() {
        return categories.all();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('problem:dispatch')")
    @Transactional
    Category create(@RequestBody Category body) {
        if (body.code() == null || !body.code().matches("[A-Za-z0-9_\\-]{1,40}")) {
            throw ApiException.invalidField("code", "problem.error.categoryCode");
        }
        if (body.name() == null || body.name().isBlank() || body.name().length() > 100) {
            throw ApiException.invalidField("name", "error.required");
        }
        if (categories.find(body.code()).isPresent()) {
            throw ApiException.conflict("problem.error.categoryExists");
        }
        Category c = new Category(body.code(), body.name().strip());
        categories.insert(c, categories.count());
        audit.record("problem.category.create", "problem_category", c.code());
        return c;
    }
}
