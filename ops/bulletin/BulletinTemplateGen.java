// Writes the built-in 季通报 template (src/main/resources/assessment/bulletin-template.docx): every poi-tl tag in a
// run of its own, 仿宋 body and 黑体 headings. Run with POI 5.5.1 on the class path:
//   java -cp "$(./mvnw -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" ops/bulletin/BulletinTemplateGen.java \
//       src/main/resources/assessment/bulletin-template.docx
import java.io.FileOutputStream;
import org.apache.poi.xwpf.usermodel.*;


public class BulletinTemplateGen {
    static XWPFDocument doc = new XWPFDocument();

    static XWPFRun run(XWPFParagraph p, String text, String font, int size, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily("Times New Roman", XWPFRun.FontCharRange.ascii);
        r.setFontFamily("Times New Roman", XWPFRun.FontCharRange.hAnsi);
        r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        r.setFontSize(size);
        r.setBold(bold);
        return r;
    }

    static XWPFParagraph para(String... parts) {
        XWPFParagraph p = doc.createParagraph();
        p.setFirstLineIndent(640);
        p.setSpacingAfter(120);
        for (String s : parts) {
            run(p, s, "仿宋", 15, false);
        }
        return p;
    }

    static void heading(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setFirstLineIndent(640);
        p.setSpacingBefore(120);
        run(p, text, "黑体", 15, false);
    }

    public static void main(String[] a) throws Exception {
        XWPFParagraph t = doc.createParagraph();
        t.setAlignment(ParagraphAlignment.CENTER);
        run(t, "{{title}}", "宋体", 22, true);
        XWPFParagraph sub = doc.createParagraph();
        sub.setAlignment(ParagraphAlignment.CENTER);
        run(sub, "{{issuer}}", "楷体", 14, false);
        run(sub, "　　", "楷体", 14, false);
        run(sub, "{{issuedOn}}", "楷体", 14, false);
        para("{{intro}}");
        heading("一、监督一点通问题情况");
        para("本季度监督员通过监督一点通报告问题 ", "{{reported}}", " 件，已整改 ", "{{resolved}}", " 件，群众满意 ",
                "{{satisfied}}", " 件（满意率 ", "{{satisfactionRate}}", "），超期 ", "{{overdue}}", " 件，移交问题线索 ",
                "{{transferred}}", " 件。");
        XWPFParagraph c = doc.createParagraph();
        c.setAlignment(ParagraphAlignment.CENTER);
        run(c, "{{@problemChart}}", "仿宋", 15, false);
        heading("二、履职反馈及时率");
        para("全体监督员履职材料按时反馈率为 ", "{{onTimeRate}}", "。");
        heading("三、培训及考试");
        para("本季度共举办培训 ", "{{sessions}}", " 场，应参训 ", "{{invited}}", " 人次，实际参训 ", "{{attended}}",
                " 人次，参训率 ", "{{attendanceRate}}", "；", "{{examTakers}}", " 名监督员参加业务考试，平均成绩 ",
                "{{examAverage}}", " 分。");
        heading("四、三级责任落实排名");
        para("{{rankingNote}}");
        XWPFParagraph rt = doc.createParagraph();
        run(rt, "{{#ranking}}", "仿宋", 12, false);
        heading("五、通报表扬");
        para("{{commendations}}");
        heading("六、存在问题");
        para("{{issues}}");
        heading("七、工作要求");
        para("{{requirements}}");
        try (FileOutputStream out = new FileOutputStream(a[0])) {
            doc.write(out);
        }
    }
}
