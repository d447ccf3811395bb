package vn.motcua.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.audit.AuditLog;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierOrigin;
import vn.motcua.dossier.DossierService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.integration.domain.LegacyRows;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.ValidationException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Imports dossiers of the system being replaced from CSV (UTF-8, comma or semicolon), Excel (first sheet) or JSON (an
 * array of objects), with historical dates and statuses. Every row is checked and saved on its own: a bad row is
 * reported and saves nothing, the others go in; running the same file again imports nothing twice (a dossier is known
 * by its old code) and only applies rows whose state changed.
 */
@Service
public class ImportService {
    public static final int MAX_ROWS = 20_000;
    private static final DateTimeFormatter CELL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final DossierService dossiers;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final AuditLog audit;
    private final Clock clock;

    ImportService(DossierService dossiers, JdbcClient jdbc, TransactionTemplate tx, ObjectMapper json, AuditLog audit, Clock clock) {
        this.dossiers = dossiers;
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    /** Imports a file; returns the run with a line per row. */
    public ImportRun importFile(String filename, byte[] content, CurrentUser admin) {
        if (!admin.has(Role.ADMIN)) {
            throw new NotFoundException("Không tìm thấy.");
        }
        String name = filename == null || filename.isBlank() ? "tep-nhap" : filename.length() > 200 ? filename.substring(0, 200) : filename;
        String format = format(name, content);
        List<Map<String, String>> rows = rows(format, content);
        if (rows.size() > MAX_ROWS) {
            throw ValidationException.of("file", "Mỗi lần nhập tối đa " + MAX_ROWS + " dòng; hãy chia tệp.");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into import_run (filename, format, started_at, run_by, total_rows) values (?, ?, ?, ?, ?)")
                .params(name, format, LocalDateTime.now(clock), admin.username(), rows.size()).update(keys, "id");
        long runId = keys.getKey().longValue();
        int imported = 0;
        int skipped = 0;
        int rejected = 0;
        for (int i = 0; i < rows.size(); i++) {
            int number = i + 2; // the header is line 1 (CSV, Excel); JSON items are numbered the same way
            LegacyRows.Read read = LegacyRows.read(rows.get(i));
            String legacyCode = rows.get(i).get("ma_ho_so");
            if (!read.ok()) {
                rejected++;
                row(runId, number, legacyCode, "REJECTED", String.join(" ", read.problems()), null);
                continue;
            }
            try {
                Dossier before = dossiers.external(DossierOrigin.LEGACY, read.dossier().externalCode()).orElse(null);
                Dossier after = tx.execute(s -> dossiers.recordExternal(read.dossier(), admin.username()));
                String outcome = before == null ? "IMPORTED" : before.rowVersion() == after.rowVersion() ? "SKIPPED" : "UPDATED";
                if ("SKIPPED".equals(outcome)) {
                    skipped++;
                } else {
                    imported++;
                }
                row(runId, number, legacyCode, outcome, outcome.equals("SKIPPED") ? "Đã có, không thay đổi." : "Mã hồ sơ " + after.code() + ".", after.id());
            } catch (ValidationException e) {
                rejected++;
                row(runId, number, legacyCode, "REJECTED", e.allMessages(), null);
            } catch (ConflictException e) {
                rejected++;
                row(runId, number, legacyCode, "REJECTED", e.getMessage(), null);
            }
        }
        jdbc.sql("update import_run set imported = ?, skipped = ?, rejected = ? where id = ?").params(imported, skipped, rejected, runId).update();
        audit.record("import.run", "import_run", runId, null, Map.of("file", name, "rows", rows.size(), "imported", imported, "skipped", skipped,
                "rejected", rejected));
        return run(runId);
    }

    private void row(long runId, int number, String legacyCode, String outcome, String message, Long dossierId) {
        jdbc.sql("insert into import_row (run_id, row_number, legacy_code, outcome, message, dossier_id) values (?, ?, ?, ?, ?, ?)")
                .params(runId, number, legacyCode == null ? null : legacyCode.length() > 60 ? legacyCode.substring(0, 60) : legacyCode, outcome,
                        message.length() > 1000 ? message.substring(0, 1000) : message, dossierId).update();
    }

    public ImportRun run(long id) {
        List<ImportRun.Row> rows = jdbc.sql("select row_number, legacy_code, outcome, message, dossier_id from import_row where run_id = ? order by row_number")
                .param(id).query((rs, n) -> new ImportRun.Row(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, Long.class))).list();
        return jdbc.sql("select id, filename, format, started_at, run_by, total_rows, imported, skipped, rejected from import_run where id = ?").param(id)
                .query((rs, n) -> new ImportRun(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDateTime.class), rs.getString(5),
                        rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rows)).optional()
                .orElseThrow(() -> new NotFoundException("Không có lần nhập này."));
    }

    public List<ImportRun> runs(int limit) {
        return jdbc.sql("select id, filename, format, started_at, run_by, total_rows, imported, skipped, rejected from import_run order by id desc")
                .query((rs, n) -> new ImportRun(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDateTime.class), rs.getString(5),
                        rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), List.of())).list().stream().limit(limit).toList();
    }

    // ---------------------------------------------------------------- reading the file

    static String format(String name, byte[] content) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (content == null || content.length == 0) {
            throw ValidationException.of("file", "Chưa chọn tệp hoặc tệp rỗng.");
        }
        if (lower.endsWith(".xlsx") || (content.length > 4 && content[0] == 'P' && content[1] == 'K')) {
            return "XLSX";
        }
        if (lower.endsWith(".json") || new String(content, 0, Math.min(content.length, 64), StandardCharsets.UTF_8).trim().startsWith("[")) {
            return "JSON";
        }
        if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
            return "CSV";
        }
        throw ValidationException.of("file", "Chỉ nhận tệp CSV (UTF-8), Excel (.xlsx) hoặc JSON.");
    }

    List<Map<String, String>> rows(String format, byte[] content) {
        try {
            return switch (format) {
                case "XLSX" -> excel(content);
                case "JSON" -> jsonRows(content);
                default -> csv(new String(content, StandardCharsets.UTF_8));
            };
        } catch (IOException | RuntimeException e) {
            if (e instanceof ValidationException v) {
                throw v;
            }
            throw ValidationException.of("file", "Không đọc được tệp " + format + ": " + e.getMessage());
        }
    }

    private List<Map<String, String>> jsonRows(byte[] content) throws IOException {
        JsonNode root = json.readTree(content);
        if (!root.isArray()) {
            throw ValidationException.of("file", "Tệp JSON phải là một mảng các hồ sơ.");
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode item : root) {
            Map<String, String> row = new LinkedHashMap<>();
            item.fields().forEachRemaining(e -> row.put(e.getKey().trim().toLowerCase(Locale.ROOT), e.getValue().isNull() ? null : e.getValue().asText()));
            rows.add(row);
        }
        return rows;
    }

    private List<Map<String, String>> excel(byte[] content) throws IOException {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            List<String> header = new ArrayList<>();
            List<Map<String, String>> rows = new ArrayList<>();
            for (Row r : sheet) {
                if (header.isEmpty()) {
                    r.forEach(c -> header.add(formatter.formatCellValue(c).trim().toLowerCase(Locale.ROOT)));
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                boolean any = false;
                for (int i = 0; i < header.size(); i++) {
                    Cell c = r.getCell(i);
                    String v = c == null ? null : c.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC && DateUtil.isCellDateFormatted(c)
                            ? CELL_TIME.format(c.getLocalDateTimeCellValue()) : formatter.formatCellValue(c);
                    any |= v != null && !v.isBlank();
                    row.put(header.get(i), v);
                }
                if (any) {
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /** CSV with a header line; comma or semicolon (whichever the header uses more); quoted fields as RFC 4180. */
    static List<Map<String, String>> csv(String text) throws IOException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String first = text.lines().findFirst().orElse("");
        char sep = first.chars().filter(c -> c == ';').count() > first.chars().filter(c -> c == ',').count() ? ';' : ',';
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(sep).setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).setAllowMissingColumnNames(true).get();
        List<Map<String, String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
            for (CSVRecord r : parser) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), i < r.size() ? r.get(i) : null);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
