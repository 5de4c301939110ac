package cn.jiandu.exam.web;

import cn.jiandu.exam.domain.Question;
import cn.jiandu.exam.domain.QuestionBank;
import cn.jiandu.exam.domain.QuestionImport;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.web.Uploads;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/questions")
@Tag(name = "exam", description = "知识测试")
@PreAuthorize("hasAuthority('exam:manage')")
class QuestionApi {

    private final QuestionBank bank;
    private final QuestionImport imports;

    QuestionApi(QuestionBank bank, QuestionImport imports) {
        this.bank = bank;
        this.imports = imports;
    }

    @GetMapping
    List<Question> list(@RequestParam(required = false) String category, @RequestParam(required = false) String tag,
            @RequestParam(required = false) String q) {
        return bank.list(category, tag, q, 1000);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Question create(@RequestBody Question body) {
        return bank.create(body);
    }

    @GetMapping("/{id}")
    Question get(@PathVariable long id) {
        return bank.find(id);
    }

    /** The question after the update; {@code X-Question-Change} says IN_PLACE, NEW_VERSION or CORRECTED. */
    @PutMapping("/{id}")
    ResponseEntity<Question> update(@PathVariable long id, @RequestBody Question body) {
        QuestionBank.Updated u = bank.update(id, body);
        return ResponseEntity.ok().header("X-Question-Change", u.change().name())
                .header("X-Regraded-Attempts", String.valueOf(u.regradedAttempts())).body(u.question());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        bank.delete(id);
    }

    @PostMapping("/import")
    Map<String, Integer> importFile(@RequestPart(name = "file", required = false) MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw Refusal.invalidField("file", "exam.import.error.empty");
        }
        return Map.of("imported", imports.importFile(Uploads.of(file)));
    }

    @GetMapping("/import-template.xlsx")
    ResponseEntity<byte[]> template() {
        return Xlsx.of(imports.template(), "题库导入模板.xlsx");
    }

    @GetMapping("/export.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String category,
            @RequestParam(required = false) String tag, @RequestParam(required = false) String q) {
        return Xlsx.of(imports.export(category, tag, q), "题库.xlsx");
    }
}
