package cn.jiandu.exam.web;

import cn.jiandu.exam.domain.Paper;
import cn.jiandu.exam.domain.Papers;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/papers")
@Tag(name = "exam", description = "知识测试")
@PreAuthorize("hasAuthority('exam:manage')")
class PaperApi {

    private final Papers papers;

    PaperApi(Papers papers) {
        this.papers = papers;
    }

    @GetMapping
    List<Paper> list() {
        return papers.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Paper create(@RequestBody Paper body) {
        return papers.create(body);
    }

    @GetMapping("/{id}")
    Paper get(@PathVariable long id) {
        return papers.find(id);
    }

    @PutMapping("/{id}")
    Paper update(@PathVariable long id, @RequestBody Paper body) {
        return papers.update(id, body);
    }
}
