package cn.jiandu.selection.web;

import cn.jiandu.selection.PerformanceGrade;
import cn.jiandu.selection.PoliticalStatus;
import cn.jiandu.selection.domain.Profile;
import cn.jiandu.selection.domain.ProfileService;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.web.Uploads;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 人员档案 for the criteria: read, edit, import from .xlsx (with its template). */
@RestController
@RequestMapping("/api/v1/people")
@Tag(name = "selection", description = "组织链: 人员档案")
class ProfileApi {

    record GradeJson(Integer year, PerformanceGrade grade) {
    }

    record ProfileJson(String userId, PoliticalStatus politicalStatus, LocalDate partyJoinDate, String post,
            Integer frontlineYears, List<GradeJson> performance, Boolean disciplinaryRecord) {

        static ProfileJson of(Profile p) {
            return new ProfileJson(String.valueOf(p.userId()), p.politicalStatus(), p.partyJoinDate(), p.post(),
                    p.frontlineYears(), p.performance().entrySet().stream()
                            .map(e -> new GradeJson(e.getKey(), e.getValue())).toList(), p.disciplinaryRecord());
        }
    }

    record Imported(int imported) {
    }

    private final ProfileService profiles;

    ProfileApi(ProfileService profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/{userId}/profile")
    ProfileJson read(JianduPrincipal me, @PathVariable long userId) {
        return profiles.read(me, userId).map(ProfileJson::of).orElseThrow(Refusal::notFound);
    }

    @PutMapping(value = "/{userId}/profile", consumes = MediaType.APPLICATION_JSON_VALUE)
    ProfileJson save(JianduPrincipal me, @PathVariable long userId, @RequestBody ProfileJson body) {
        if (body.politicalStatus() == null) {
            throw Refusal.invalidField("politicalStatus", "error.required");
        }
        if (body.frontlineYears() == null) {
            throw Refusal.invalidField("frontlineYears", "error.required");
        }
        Map<Integer, PerformanceGrade> grades = new HashMap<>();
        for (GradeJson g : body.performance() == null ? List.<GradeJson>of() : body.performance()) {
            if (g == null || g.year() == null || g.grade() == null || grades.put(g.year(), g.grade()) != null) {
                throw Refusal.invalidField("performance", "profile.error.performance");
            }
        }
        return ProfileJson.of(profiles.save(me, new Profile(userId, body.politicalStatus(), body.partyJoinDate(),
                body.post() == null || body.post().isBlank() ? null : body.post().strip(), body.frontlineYears(),
                grades, Boolean.TRUE.equals(body.disciplinaryRecord()))));
    }

    @PostMapping(value = "/profiles/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Imported importXlsx(JianduPrincipal me, @RequestPart("file") MultipartFile file) {
        return new Imported(profiles.importXlsx(me, Uploads.of(file)));
    }

    @GetMapping("/profiles/template.xlsx")
    void template(JianduPrincipal me, HttpServletResponse response) throws IOException {
        if (!profiles.mayEdit(me)) {
            throw Refusal.forbidden();
        }
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"profiles-template.xlsx\"");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = response.getOutputStream()) {
            var sheet = wb.createSheet("人员档案");
            var header = sheet.createRow(0);
            for (int i = 0; i < ProfileService.COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(ProfileService.COLUMNS.get(i));
            }
            var example = sheet.createRow(1);
            String[] values = {"staff1", "中共党员", "2012-07-01", "客户经理", "8", "否", "2023:良好;2024:优秀;2025:优秀"};
            for (int i = 0; i < values.length; i++) {
                example.createCell(i).setCellValue(values[i]);
            }
            wb.write(out);
        }
    }
}
