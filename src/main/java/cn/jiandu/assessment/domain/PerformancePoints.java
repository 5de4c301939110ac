package cn.jiandu.assessment.domain;

import cn.jiandu.assessment.Grade;
import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.UserView;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;

/**
 * 考核结果应用: the performance points of a published run for HR, one row per person assessed, in the layout HR
 * imports: 序号, 工号, 姓名, 单位, 监督员类型, 考核期间, 总分, 等级, 绩效积分. Points by grade: 优秀 5, 合格 3, 不合格 0.
 */
@Service
public class PerformancePoints {

    static final Map<Grade, Integer> POINTS = Map.of(Grade.EXCELLENT, 5, Grade.QUALIFIED, 3, Grade.UNQUALIFIED, 0);
    static final List<String> HEADER = List.of("序号", "工号", "姓名", "单位", "监督员类型", "考核期间", "总分", "等级",
            "绩效积分");
    private static final Map<Grade, String> GRADES = Map.of(Grade.EXCELLENT, "优秀", Grade.QUALIFIED, "合格",
            Grade.UNQUALIFIED, "不合格");
    private static final Map<String, String> TYPES = Map.of("BRANCH_INSPECTOR", "支部纪检委员", "TEAM_SUPERVISOR",
            "班组监督员", "GRID_SUPERVISOR", "网格监督员");

    private final RunService runs;
    private final RunRepository repo;
    private final UserDirectory users;
    private final OrgDirectory org;

    PerformancePoints(RunService runs, RunRepository repo, UserDirectory users, OrgDirectory org) {
        this.runs = runs;
        this.repo = repo;
        this.users = users;
        this.org = org;
    }

    /** Only of a published run (or a superseded one, still the record of its time): a draft → 409. */
    public byte[] export(long runId, JianduPrincipal me) {
        Run run = runs.readable(runId, me);
        if (!run.published()) {
            throw Refusal.conflict("assessment.error.notPublished");
        }
        List<RunRepository.ResultRow> rows = repo.results(runId);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("绩效积分");
            Row head = sheet.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                head.createCell(i).setCellValue(HEADER.get(i));
            }
            int n = 1;
            for (RunRepository.ResultRow r : rows) {
                Optional<UserView> u = users.find(r.userId());
                Row row = sheet.createRow(n);
                row.createCell(0).setCellValue(n);
                row.createCell(1).setCellValue(u.map(UserView::username).orElse(""));
                row.createCell(2).setCellValue(u.map(UserView::displayName).orElse(""));
                row.createCell(3).setCellValue(org.find(r.unitId()).map(OrgUnitView::name).orElse(""));
                row.createCell(4).setCellValue(TYPES.getOrDefault(run.type().name(), run.type().name()));
                row.createCell(5).setCellValue(run.period());
                row.createCell(6).setCellValue(r.total().setScale(2, java.math.RoundingMode.HALF_UP).doubleValue());
                row.createCell(7).setCellValue(GRADES.get(r.grade()));
                row.createCell(8).setCellValue(POINTS.get(r.grade()));
                n++;
            }
            for (int i = 0; i < HEADER.size(); i++) {
                sheet.autoSizeColumn(i);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BigDecimal points(Grade g) {
        return BigDecimal.valueOf(POINTS.get(g));
    }
}
