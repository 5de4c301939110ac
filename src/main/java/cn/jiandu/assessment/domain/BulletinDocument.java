package cn.jiandu.assessment.domain;

import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.time.ClockConfig;
import com.deepoove.poi.XWPFTemplate;
import com.deepoove.poi.data.PictureType;
import com.deepoove.poi.data.Pictures;
import com.deepoove.poi.data.Tables;
import com.deepoove.poi.data.style.BorderStyle;
import com.deepoove.poi.template.ElementTemplate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Renders a bulletin into its Word template with poi-tl: text tags ({@code {{reported}}}), the ranking table
 * ({@code {{#ranking}}}) and the chart picture ({@code {{@problemChart}}}). The template keeps the fonts (仿宋, 黑体).
 */
final class BulletinDocument {

    /** Every tag a template must hold, so that no figure of the bulletin goes missing. */
    static final Set<String> REQUIRED = Set.of("title", "intro", "reported", "resolved", "satisfied",
            "satisfactionRate", "overdue", "transferred", "problemChart", "onTimeRate", "sessions", "invited",
            "attended", "attendanceRate", "examTakers", "examAverage", "ranking", "commendations", "issues",
            "requirements");
    private static final Map<String, String> LEVELS = Map.of("PARTY_BRANCH", "党支部", "DEPARTMENT", "职能部门/县分公司",
            "GRID", "基层网格");
    private static final Map<String, String> TYPES = Map.of("BRANCH_INSPECTOR", "支部纪检委员", "TEAM_SUPERVISOR",
            "班组监督员", "GRID_SUPERVISOR", "网格监督员");

    private BulletinDocument() {
    }

    /** The tags a template lacks; a file that is no Word document is refused naming the field {@code file}. */
    static Set<String> missingTags(byte[] template) {
        Set<String> found = new TreeSet<>();
        try (XWPFTemplate t = XWPFTemplate.compile(new ByteArrayInputStream(template))) {
            t.getElementTemplates().forEach(e -> found.add(((ElementTemplate) e).getTagName()));
        } catch (IOException | RuntimeException e) {
            throw Refusal.invalidField("file", "assessment.bulletin.error.notDocx");
        }
        Set<String> missing = new TreeSet<>(REQUIRED);
        missing.removeAll(found);
        return missing;
    }

    static byte[] render(byte[] template, Bulletin b, LocalDate issuedOn) {
        BulletinFigures f = b.figures();
        Map<String, Object> data = new HashMap<>();
        data.put("title", b.title());
        data.put("issuer", "中共北海分公司纪律检查委员会办公室");
        data.put("issuedOn", issuedOn.getYear() + "年" + issuedOn.getMonthValue() + "月" + issuedOn.getDayOfMonth() + "日");
        data.put("intro", b.intro());
        data.put("reported", String.valueOf(f.reported()));
        data.put("resolved", String.valueOf(f.resolved()));
        data.put("satisfied", String.valueOf(f.satisfied()));
        data.put("satisfactionRate", percent(f.satisfactionRate()));
        data.put("overdue", String.valueOf(f.overdue()));
        data.put("transferred", String.valueOf(f.transferred()));
        data.put("onTimeRate", percent(f.onTimeRate()));
        data.put("sessions", String.valueOf(f.sessions()));
        data.put("invited", String.valueOf(f.invited()));
        data.put("attended", String.valueOf(f.attended()));
        data.put("attendanceRate", percent(f.attendanceRate()));
        data.put("examTakers", String.valueOf(f.examTakers()));
        data.put("examAverage", f.examAverage() == null ? "—" : f.examAverage().toPlainString());
        data.put("rankingNote", "按本季度监督员发现问题数排名（同数按已整改数），各层级列前 " + BulletinDrafter.TOP + " 名。");
        data.put("ranking", ranking(f));
        data.put("commendations", commendations(f));
        data.put("issues", b.issues());
        data.put("requirements", b.requirements());
        data.put("problemChart", Pictures.ofBytes(BulletinChart.bars(f.quarter() + " 监督一点通问题情况",
                List.of("报告", "整改", "满意", "超期", "移交"),
                List.of(f.reported(), f.resolved(), f.satisfied(), f.overdue(), f.transferred())), PictureType.PNG)
                .size(BulletinChart.WIDTH, BulletinChart.HEIGHT).create());
        try (XWPFTemplate t = XWPFTemplate.compile(new ByteArrayInputStream(template)).render(data);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            t.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object ranking(BulletinFigures f) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"层级", "名次", "单位", "监督员", "发现问题", "已整改"});
        for (BulletinFigures.Rank r : f.ranking()) {
            rows.add(new String[] {LEVELS.getOrDefault(r.level(), r.level()), String.valueOf(r.place()), r.unit(),
                String.valueOf(r.supervisors()), String.valueOf(r.reported()), String.valueOf(r.resolved())});
        }
        return Tables.of(rows.toArray(new String[0][])).border(BorderStyle.DEFAULT).create();
    }

    private static String commendations(BulletinFigures f) {
        if (f.commended().isEmpty()) {
            return "本季度考核结果尚未发布，暂无通报表扬。";
        }
        StringBuilder s = new StringBuilder("本季度考核结果为优秀的监督员：");
        for (int i = 0; i < f.commended().size(); i++) {
            BulletinFigures.Commended c = f.commended().get(i);
            s.append(i == 0 ? "" : "、").append(c.unit()).append(TYPES.getOrDefault(c.type(), "")).append(c.person())
                    .append("（").append(c.total().stripTrailingZeros().toPlainString()).append(" 分）");
        }
        return s.append("，予以通报表扬。").toString();
    }

    static String percent(Double rate) {
        return rate == null ? "—" : BigDecimal.valueOf(rate * 100).setScale(1, java.math.RoundingMode.HALF_UP)
                .toPlainString() + "%";
    }

    static LocalDate today(java.time.Clock clock) {
        return LocalDate.now(clock.withZone(ClockConfig.ZONE));
    }
}
