package cn.jiandu.training.domain;

import cn.jiandu.problem.ProblemFacts;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.Upload;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Checks what a case's form or JSON part carries; every bad field named at once, before anything is written. */
final class CaseInput {

    static final int MAX_FILES = 10;
    static final int MAX_TEXT = 4000;

    private CaseInput() {
    }

    static TrainingCase.CaseText text(CaseCommand c, List<Upload> files) {
        List<Refusal.FieldError> errors = new ArrayList<>();
        if (c == null) {
            throw Refusal.invalidField("case", "error.required");
        }
        String title = required(errors, "title", c.title(), 200);
        String background = required(errors, "background", c.background(), MAX_TEXT);
        String finding = required(errors, "finding", c.finding(), MAX_TEXT);
        String handling = required(errors, "handling", c.handling(), MAX_TEXT);
        String effect = required(errors, "effect", c.effect(), MAX_TEXT);
        if (files.size() > MAX_FILES) {
            errors.add(new Refusal.FieldError("files", "case.error.tooManyFiles", MAX_FILES));
        }
        if (files.stream().anyMatch(Upload::isEmpty)) {
            errors.add(new Refusal.FieldError("files", "case.error.emptyFile"));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalidFields(errors);
        }
        return new TrainingCase.CaseText(title, background, finding, handling, effect);
    }

    /** The linked reports must be the author's own (not anonymous, not withdrawn): 400 {@code problemIds} else. */
    static List<Long> ownReports(List<Long> problemIds, long authorId, ProblemFacts facts) {
        if (problemIds == null) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(problemIds));
        if (ids.size() > 20 || ids.stream().anyMatch(id -> id == null
                || facts.find(id).filter(f -> f.reporterId() == authorId).isEmpty())) {
            throw Refusal.invalidField("problemIds", "case.error.problemIds");
        }
        return ids;
    }

    private static String required(List<Refusal.FieldError> errors, String field, String value, int max) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            errors.add(new Refusal.FieldError(field, "case.error.required"));
            return null;
        }
        if (v.length() > max) {
            errors.add(new Refusal.FieldError(field, "case.error.tooLong", max));
        }
        return v;
    }
}
