package org.perfdoc.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.perfdoc.Perfdoc;
import org.perfdoc.helper.Zips;
import org.perfdoc.model.TargetDocument;
import org.perfdoc.read.ReadResult;
import org.perfdoc.render.Format;
import org.perfdoc.render.RenderOptions;
import org.perfdoc.render.Rendered;

/** The service's documents, through the facade: read, validate, render, exactly as the command line does. */
final class PerfdocService implements DocumentService {
    static final String PDF = "application/pdf";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String ZIP = "application/zip";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String JSON = "application/json; charset=utf-8";
    private static final float PREVIEW_DPI = 60;

    private final Perfdoc perfdoc;
    private final byte[] selfCheckDocument;

    /** Documents through {@code perfdoc}; {@code selfCheckDocument} is a valid input /healthz renders. */
    PerfdocService(Perfdoc perfdoc, byte[] selfCheckDocument) {
        this.perfdoc = perfdoc;
        this.selfCheckDocument = selfCheckDocument.clone();
    }

    @Override
    public Checked validate(Upload upload) {
        return check(upload).checked();
    }

    /** The document and its problems. */
    private record Read(TargetDocument document, Checked checked) {
    }

    private Read check(Upload upload) {
        ReadResult read = perfdoc.read(upload.name(), upload.bytes());
        List<Problem> errors = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        for (var p : perfdoc.validate(read)) {
            Problem dto = new Problem(p.isError() ? "error" : "warning", p.path(), p.line(), p.column(), p.cell(),
                    p.message(), p.toString());
            (p.isError() ? errors : warnings).add(dto);
        }
        TargetDocument doc = read.document();
        Summary summary = doc == null ? null : new Summary(doc.style(), doc.year() == 0 ? null : doc.year(),
                doc.department(), errors.isEmpty() ? perfdoc.settings(doc).title() : doc.title(), doc.projects().size());
        return new Read(doc, new Checked(summary, errors, warnings));
    }

    private TargetDocument valid(Upload upload) throws InvalidDocumentException {
        Read r = check(upload);
        if (!r.checked().errors().isEmpty()) {
            throw new InvalidDocumentException(r.checked());
        }
        return r.document();
    }

    @Override
    public Output render(Upload upload, String format, Boolean pdfa) throws InvalidDocumentException {
        TargetDocument doc = valid(upload);
        RenderOptions options = new RenderOptions(pdfa);
        String name = fileName(doc);
        return switch (format) {
            case "docx" -> new Output(name + ".docx", DOCX, perfdoc.render(doc, Format.DOCX, options).bytes());
            case "xlsx" -> new Output(name + ".xlsx", XLSX, perfdoc.render(doc, Format.XLSX, options).bytes());
            case "json" -> new Output(name + ".json", JSON, perfdoc.render(doc, Format.JSON, options).bytes());
            case "zip" -> {
                Map<String, byte[]> both = new LinkedHashMap<>();
                both.put(name + ".pdf", perfdoc.render(doc, Format.PDF, options).bytes());
                both.put(name + ".docx", perfdoc.render(doc, Format.DOCX, options).bytes());
                yield new Output(name + ".zip", ZIP, Zips.of(both));
            }
            default -> new Output(name + ".pdf", PDF, perfdoc.render(doc, Format.PDF, options).bytes());
        };
    }

    @Override
    public Preview preview(Upload upload, int maxPages) throws InvalidDocumentException {
        Read r = check(upload);
        if (!r.checked().errors().isEmpty()) {
            throw new InvalidDocumentException(r.checked());
        }
        Rendered pdf = perfdoc.render(r.document(), Format.PDF);
        int[] pages = new int[1];
        List<byte[]> images = perfdoc.pageImages(pdf, maxPages, PREVIEW_DPI, pages);
        return new Preview(r.checked().summary(), pages[0], images);
    }

    /** {@code 2024年 广东省广州市中级人民法院（本级） 项目支出绩效目标表（含转移支付项目）}: year, department, title. */
    private String fileName(TargetDocument doc) {
        return doc.year() + "年 " + doc.department() + " " + perfdoc.settings(doc).title();
    }

    @Override
    public boolean selfCheck() {
        try {
            Output out = render(new Upload("self-check.json", "application/json", selfCheckDocument), "pdf", null);
            return out.bytes().length > 1000;
        } catch (InvalidDocumentException | RuntimeException e) {
            return false;
        }
    }
}
