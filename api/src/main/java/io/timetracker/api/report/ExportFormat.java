package io.timetracker.api.report;

import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The formats {@code /reports/export} writes: their media type, file extension and writer. */
enum ExportFormat {

    CSV("text/csv;charset=UTF-8") {
        @Override
        ExportWriter open(OutputStream out, ExportDocument document) throws IOException {
            return CsvExport.open(out, document);
        }
    },
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") {
        @Override
        ExportWriter open(OutputStream out, ExportDocument document) {
            return XlsxExport.open(out, document);
        }
    },
    PDF("application/pdf") {
        @Override
        ExportWriter open(OutputStream out, ExportDocument document) {
            return PdfExport.open(out, document);
        }
    };

    static final List<String> NAMES = Arrays.stream(values()).map(ExportFormat::extension).toList();

    private final MediaType mediaType;

    ExportFormat(String mediaType) {
        this.mediaType = MediaType.parseMediaType(mediaType);
    }

    abstract ExportWriter open(OutputStream out, ExportDocument document) throws IOException;

    MediaType mediaType() {
        return mediaType;
    }

    String extension() {
        return name().toLowerCase(Locale.ROOT);
    }
}
