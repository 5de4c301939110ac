package cn.jiandu.exam.web;

import cn.jiandu.exam.domain.AttemptView;
import cn.jiandu.exam.domain.Attempts;
import cn.jiandu.exam.domain.Exam;
import cn.jiandu.exam.domain.ExamResults;
import cn.jiandu.exam.domain.Exams;
import cn.jiandu.exam.domain.ItemAnalysis;
import cn.jiandu.shared.paging.CursorPage;
import cn.jiandu.shared.paging.PageSize;
import cn.jiandu.shared.security.JianduPrincipal;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/exams")
@Tag(name = "exam", description = "知识测试")
class ExamApi {

    private final Exams exams;
    private final Attempts attempts;
    private final ExamResults results;

    ExamApi(Exams exams, Attempts attempts, ExamResults results) {
        this.exams = exams;
        this.attempts = attempts;
        this.results = results;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('exam:manage') or hasAuthority('exam:results-read')")
    List<Exam> list() {
        return exams.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('exam:manage')")
    Exam create(JianduPrincipal me, @RequestBody Exam body) {
        return exams.create(body, me.id());
    }

    @GetMapping("/mine")
    List<Exams.Mine> mine(JianduPrincipal me) {
        return exams.mine(me);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('exam:manage') or hasAuthority('exam:results-read')")
    Exam get(@PathVariable long id) {
        return exams.find(id);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('exam:manage')")
    Exam update(@PathVariable long id, @RequestBody Exam body) {
        return exams.update(id, body);
    }

    /** Assembles the audience's papers now (the scheduler does it ahead of the opening anyway). */
    @PostMapping("/{id}/prepare")
    @PreAuthorize("hasAuthority('exam:manage')")
    Map<String, Integer> prepare(@PathVariable long id) {
        return Map.of("prepared", attempts.prepare(id));
    }

    @PostMapping("/{id}/attempts")
    ResponseEntity<AttemptView> start(JianduPrincipal me, @PathVariable long id) {
        Attempts.Started s = attempts.start(id, me);
        return ResponseEntity.status(s.created() ? HttpStatus.CREATED : HttpStatus.OK).body(s.attempt());
    }

    @GetMapping("/{id}/results")
    @PreAuthorize("hasAuthority('exam:results-read')")
    CursorPage<ExamResults.ResultRow> results(JianduPrincipal me, @PathVariable long id,
            @RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String cursor) {
        return results.list(id, me, unitId, PageSize.of(size), cursor);
    }

    @GetMapping("/{id}/results/summary")
    @PreAuthorize("hasAuthority('exam:results-read')")
    ExamResults.Summary summary(JianduPrincipal me, @PathVariable long id,
            @RequestParam(required = false) Long unitId) {
        return results.summary(id, me, unitId);
    }

    @GetMapping("/{id}/results.xlsx")
    @PreAuthorize("hasAuthority('exam:results-read')")
    ResponseEntity<byte[]> export(JianduPrincipal me, @PathVariable long id,
            @RequestParam(required = false) Long unitId) {
        return Xlsx.of(results.xlsx(id, me, unitId), "exam-" + id + "-results.xlsx");
    }

    @GetMapping("/{id}/analysis")
    @PreAuthorize("hasAuthority('exam:manage') or hasRole('LEADER')")
    ItemAnalysis.Report analysis(@PathVariable long id) {
        return results.analysis(id);
    }
}
