package cn.jiandu.assessment.web;

import cn.jiandu.assessment.BulletinStatus;
import cn.jiandu.assessment.domain.Bulletin;
import cn.jiandu.assessment.domain.BulletinFigures;
import cn.jiandu.assessment.domain.Bulletins;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/bulletins")
@Tag(name = "assessment", description = "季通报: the quarterly bulletin as a Word document")
class BulletinApi {

    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    record DraftForm(String quarter) {
    }

    record BulletinJson(String id, String quarter, int edition, BulletinStatus status, String title, String intro,
            String issues, String requirements, BulletinFigures figures, OffsetDateTime updatedAt,
            OffsetDateTime publishedAt, String document) {

        static BulletinJson of(Bulletin b) {
            return new BulletinJson(String.valueOf(b.id()), b.quarter(), b.edition(), b.status(), b.title(), b.intro(),
                    b.issues(), b.requirements(), b.figures(), AssessmentApi.at(b.updatedAt()),
                    AssessmentApi.at(b.publishedAt()), "/api/v1/bulletins/" + b.id() + "/document.docx");
        }
    }

    private final Bulletins bulletins;

    BulletinApi(Bulletins bulletins) {
        this.bulletins = bulletins;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('assessment:bulletin')")
    BulletinJson draft(@RequestBody DraftForm form, JianduPrincipal me) {
        return BulletinJson.of(bulletins.draft(form.quarter(), me));
    }

    /** Newest quarter first: drafts for the office and leaders, published ones for everyone assessed. */
    @GetMapping
    @PreAuthorize("hasAuthority('assessment:scheme-read')")
    List<BulletinJson> list(JianduPrincipal me) {
        return bulletins.list(me).stream().map(BulletinJson::of).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('assessment:scheme-read')")
    BulletinJson get(@PathVariable long id, JianduPrincipal me) {
        return BulletinJson.of(bulletins.readable(id, me));
    }

    /** The text fields ({@code title, intro, issues, requirements}); saving also refreshes the figures. */
    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('assessment:bulletin')")
    BulletinJson edit(@PathVariable long id, @RequestBody Bulletins.Text text, JianduPrincipal me) {
        return BulletinJson.of(bulletins.edit(id, text, me));
    }

    @GetMapping("/{id}/document.docx")
    @PreAuthorize("hasAuthority('assessment:scheme-read')")
    ResponseEntity<byte[]> document(@PathVariable long id, JianduPrincipal me) {
        Bulletin b = bulletins.readable(id, me);
        return docx(bulletins.document(b), Bulletins.filename(b));
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize("hasAuthority('assessment:bulletin')")
    BulletinJson publish(@PathVariable long id, JianduPrincipal me) {
        return BulletinJson.of(bulletins.publish(id, me));
    }

    /** The Word template in use (the office's, or the built-in one), to edit and upload again. */
    @GetMapping("/template.docx")
    @PreAuthorize("hasAuthority('assessment:bulletin')")
    ResponseEntity<byte[]> template() {
        return docx(bulletins.template(), "季通报模板.docx");
    }

    /** Replaces the template: 400 naming {@code file} when it is no .docx or lacks tags (listed in the detail). */
    @PutMapping(path = "/template", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('assessment:bulletin')")
    void replaceTemplate(@RequestPart("file") MultipartFile file, JianduPrincipal me) throws IOException {
        if (file.getSize() > 10 * 1024 * 1024) {
            throw Refusal.tooLarge("error.tooLarge");
        }
        bulletins.replaceTemplate(file.getOriginalFilename(), file.getBytes(), me);
    }

    static ResponseEntity<byte[]> docx(byte[] bytes, String filename) {
        return ResponseEntity.ok().contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }
}
