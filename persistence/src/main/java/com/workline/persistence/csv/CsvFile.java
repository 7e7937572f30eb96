package com.workline.persistence.csv;

import com.workline.persistence.common.Problem;
import com.workline.persistence.common.Text;
import com.workline.persistence.common.WorklineException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file as the imports read it: its header, its rows, the encoding it was read in ("UTF-8", "UTF-8 with BOM",
 * "UTF-16LE with BOM", "UTF-16BE with BOM", "Windows-1252"; null when the caller gave text, not bytes) and its
 * delimiter (comma, semicolon or tab, recognised from the header). Shared by every CSV import.
 */
public record CsvFile(List<String> header, List<List<String>> rows, String encoding, char delimiter) {
    /** At most this many rows per file. */
    public static final int MAX_ROWS = 50_000;

    public CsvFile(List<String> header, List<List<String>> rows) {
        this(header, rows, null, ',');
    }

    /**
     * Reads a CSV file's bytes in the encoding spreadsheets write: a byte order mark says UTF-8 or UTF-16 (Excel's
     * "Unicode text", tab-separated); without one the bytes are UTF-8 if they are valid UTF-8, otherwise
     * Windows-1252 (what Excel on Windows saves as "CSV"). {@link #encoding()} says which was used.
     */
    public static CsvFile read(byte[] bytes) {
        Decoded decoded = decode(bytes);
        CsvFile file = read(new StringReader(decoded.text()));
        return new CsvFile(file.header(), file.rows(), decoded.encoding(), file.delimiter());
    }

    private record Decoded(String text, String encoding) {
    }

    private static Decoded decode(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new Decoded(strict(b, 3, StandardCharsets.UTF_8), "UTF-8 with BOM");
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new Decoded(strict(b, 2, StandardCharsets.UTF_16LE), "UTF-16LE with BOM");
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new Decoded(strict(b, 2, StandardCharsets.UTF_16BE), "UTF-16BE with BOM");
        }
        try {
            return new Decoded(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString(), "UTF-8");
        } catch (CharacterCodingException notUtf8) {
            // Windows-1252 maps every byte but five; those few become U+FFFD rather than failing the import.
            return new Decoded(new String(b, Charset.forName("windows-1252")), "Windows-1252");
        }
    }

    private static String strict(byte[] bytes, int offset, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            throw new WorklineException(Problem.INVALID_INPUT, Text.of("crm.import.wrongCharset", charset.name()), e);
        }
    }

    /** Reads a CSV with a header line; the delimiter (comma, semicolon or tab) is recognised from the header. */
    public static CsvFile read(Reader in) {
        try {
            String text = readAll(in);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            String firstLine = text.lines().findFirst().orElse("");
            char delimiter = delimiterOf(firstLine);
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).build();
            List<String> header = null;
            List<List<String>> rows = new ArrayList<>();
            try (CSVParser parser = CSVParser.parse(text, format)) {
                for (CSVRecord record : parser) {
                    List<String> values = record.toList();
                    if (header == null) {
                        header = values.stream().map(String::strip).toList();
                    } else {
                        if (rows.size() >= MAX_ROWS) {
                            throw new WorklineException(Problem.INVALID_INPUT, Text.of("crm.import.tooManyRows", MAX_ROWS));
                        }
                        rows.add(values);
                    }
                }
            }
            if (header == null) {
                throw new WorklineException(Problem.INVALID_INPUT, Text.of("crm.import.empty"));
            }
            return new CsvFile(header, rows, null, delimiter);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new WorklineException(Problem.INVALID_INPUT, Text.of("crm.import.unreadable", String.valueOf(e.getMessage())), e);
        }
    }

    /** The most frequent of comma, semicolon and tab in the header line (comma when none occurs). */
    private static char delimiterOf(String header) {
        char best = ',';
        long most = header.chars().filter(c -> c == ',').count();
        for (char candidate : new char[] {';', '\t'}) {
            long n = header.chars().filter(c -> c == candidate).count();
            if (n > most) {
                best = candidate;
                most = n;
            }
        }
        return best;
    }

    private static String readAll(Reader in) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n; (n = in.read(buffer)) > 0; ) {
            out.append(buffer, 0, n);
        }
        return out.toString();
    }
}
