package cn.jiandu.exam.domain;

import cn.jiandu.audit.AuditTrail;
import cn.jiandu.audit.Outcome;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.Refusal.FieldError;
import cn.jiandu.shared.Refusal.RowError;
import cn.jiandu.shared.Upload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bank to and from .xlsx: a template, an import of all rows or none (every bad row listed), an export in the
 * same columns (so an export can be edited and imported again as new questions).
 */
@Service
public class QuestionImport {

    static final List<String> COLUMNS = List.of("type", "category", "stem", "optionA", "optionB", "optionC",
            "optionD", "optionE", "optionF", "optionG", "optionH", "answer", "explanation", "tags", "difficulty");
    static final int MAX_ROWS = 2000;
    private static final String[] KEYS = {"A", "B", "C", "D", "E", "F", "G", "H"};

    private final QuestionBank bank;
    private final MessageSource messages;
    private final AuditTrail audit;

    QuestionImport(QuestionBank bank, MessageSource messages, AuditTrail audit) {
        this.bank = bank;
        this.messages = messages;
        this.audit = audit;
    }

    public byte[] template() {
        return write(List.of(
                new Question(null, QuestionType.SINGLE, "示例：中央八项规定出台于哪一年？",
                        List.of(new QuestionOption("A", "2010年"), new QuestionOption("B", "2012年"),
                                new QuestionOption("C", "2014年")), List.of("B"),
                        "2012年12月4日，中央政治局审议通过八项规定。", "党纪法规", List.of("八项规定"), 1, null),
                new Question(null, QuestionType.FILL, "示例：监督执纪“四种形态”中，第一种形态是经常开展____。",
                        List.of(), List.of("批评和自我批评"), null, "党纪法规", List.of("四种形态"), 2, null)));
    }

    public byte[] export(String category, String tag, String q) {
        return write(bank.list(category, tag, q, 100_000));
    }

    private byte[] write(List<Question> questions) {
        Locale locale = LocaleContextHolder.getLocale();
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(msg("exam.import.sheet", locale));
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(msg("exam.import.column." + COLUMNS.get(i), Locale.SIMPLIFIED_CHINESE));
                sheet.setColumnWidth(i, (i == 2 ? 40 : 14) * 256);
            }
            int r = 1;
            for (Question q : questions) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(msg("exam.type." + q.type(), Locale.SIMPLIFIED_CHINESE));
                row.createCell(1).setCellValue(q.category());
                row.createCell(2).setCellValue(q.stem());
                if (q.type().hasOptions()) {
                    for (QuestionOption o : q.options()) {
                        int idx = java.util.Arrays.asList(KEYS).indexOf(o.key());
                        if (idx >= 0) {
                            row.createCell(3 + idx).setCellValue(o.text());
                        }
                    }
                }
                String answer = switch (q.type()) {
                    case TRUE_FALSE -> q.answer().get(0).equals("true") ? "正确" : "错误";
                    case FILL -> String.join("|", q.answer());
                    default -> String.join(",", q.answer());
                };
                row.createCell(11).setCellValue(answer);
                row.createCell(12).setCellValue(q.explanation() == null ? "" : q.explanation());
                row.createCell(13).setCellValue(String.join(",", q.tags()));
                row.createCell(14).setCellValue(q.difficulty());
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Imports every row or none; a refusal lists every bad row. Returns how many questions were added. */
    @Transactional
    public int importFile(Upload upload) {
        Locale locale = LocaleContextHolder.getLocale();
        List<List<String>> rows = new ArrayList<>();
        List<Integer> rowNumbers = new ArrayList<>();
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (InputStream in = upload.open(); Workbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                if (row == null) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < COLUMNS.size(); c++) {
                    cells.add(text(row.getCell(c), formatter));
                }
                if (cells.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                rows.add(cells);
                rowNumbers.add(i + 1);
                if (rows.size() > MAX_ROWS) {
                    throw Refusal.invalidField("file", "exam.import.error.tooMany", MAX_ROWS);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Refusal r) {
                throw r;
            }
            throw Refusal.invalidField("file", "exam.import.error.unreadable");
        }
        if (rows.isEmpty()) {
            throw Refusal.invalidField("file", "exam.import.error.empty");
        }
        Map<String, QuestionType> types = typeNames();
        List<RowError> errors = new ArrayList<>();
        List<Question> parsed = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> c = rows.get(i);
            int rowNo = rowNumbers.get(i);
            QuestionType type = types.get(c.get(0).strip().toUpperCase(Locale.ROOT));
            if (type == null) {
                errors.add(new RowError(rowNo, "type", msg("exam.import.error.type", locale, c.get(0))));
                continue;
            }
            List<QuestionOption> options = new ArrayList<>();
            for (int k = 0; k < KEYS.length; k++) {
                if (!c.get(3 + k).isEmpty()) {
                    options.add(new QuestionOption(KEYS[k], c.get(3 + k)));
                }
            }
            String rawAnswer = c.get(11).strip();
            List<String> answer = switch (type) {
                case TRUE_FALSE -> List.of(trueFalse(rawAnswer));
                case FILL -> List.of(rawAnswer.split("\\s*[|｜]\\s*"));
                default -> List.of(rawAnswer.toUpperCase(Locale.ROOT).replaceAll("[\\s,，、;；]+", "").split(""));
            };
            Integer difficulty;
            try {
                difficulty = c.get(14).isEmpty() ? 3 : Integer.valueOf(c.get(14));
            } catch (NumberFormatException e) {
                difficulty = -1;
            }
            List<String> tags = c.get(13).isEmpty() ? List.of() : List.of(c.get(13).split("\\s*[,，、;；]\\s*"));
            Question q = new Question(null, type, c.get(2), options, answer,
                    c.get(12).isEmpty() ? null : c.get(12), c.get(1), tags, difficulty, null);
            List<FieldError> problems = QuestionBank.problems(q);
            for (FieldError fe : problems) {
                errors.add(new RowError(rowNo, fe.field(), msg(fe.messageKey(), locale, fe.args())));
            }
            if (problems.isEmpty()) {
                parsed.add(QuestionBank.normalised(q));
            }
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalidRows(errors);
        }
        parsed.forEach(bank::insert);
        audit.record("exam.question.import", "exam_question", null, Outcome.SUCCESS, parsed.size() + " rows");
        return parsed.size();
    }

    private static String trueFalse(String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true", "正确", "对", "是", "√", "t", "y" -> "true";
            case "false", "错误", "错", "否", "×", "f", "n" -> "false";
            default -> raw;
        };
    }

    private Map<String, QuestionType> typeNames() {
        Map<String, QuestionType> out = new HashMap<>();
        for (QuestionType t : QuestionType.values()) {
            out.put(t.name(), t);
            out.put(msg("exam.type." + t, Locale.SIMPLIFIED_CHINESE).toUpperCase(Locale.ROOT), t);
            out.put(msg("exam.type." + t, Locale.ENGLISH).toUpperCase(Locale.ROOT), t);
        }
        out.put("单选题", QuestionType.SINGLE);
        out.put("多选题", QuestionType.MULTIPLE);
        out.put("判断题", QuestionType.TRUE_FALSE);
        out.put("填空题", QuestionType.FILL);
        return out;
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        return formatter.formatCellValue(cell).strip();
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
