package com.workline.persistence.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fonts every document embeds (subset): Liberation Sans, Serif and Mono (SIL OFL 1.1, metric-compatible with
 * Arial, Times New Roman and Courier New; Latin, Greek, Cyrillic, €). They come from the classpath, never from the
 * system, so a document looks the same on every machine and can be PDF/A (which requires embedded fonts). Each
 * family is also registered under the CSS generic name and the usual office names, so an organization's template
 * that says {@code sans-serif} or {@code Arial} still gets an embedded font.
 */
final class DocumentFonts {
    static final String SANS = "Liberation Sans";

    private record Family(String file, List<String> names) {
    }

    private static final List<Family> FAMILIES = List.of(
            new Family("LiberationSans", List.of(SANS, "sans-serif", "Arial", "Helvetica")),
            new Family("LiberationSerif", List.of("Liberation Serif", "serif", "Times New Roman", "Times")),
            new Family("LiberationMono", List.of("Liberation Mono", "monospace", "Courier New", "Courier")));

    private record Face(String suffix, int weight, FontStyle style) {
    }

    private static final List<Face> FACES = List.of(
            new Face("Regular", 400, FontStyle.NORMAL),
            new Face("Bold", 700, FontStyle.NORMAL),
            new Face("Italic", 400, FontStyle.ITALIC),
            new Face("BoldItalic", 700, FontStyle.ITALIC));

    /** Font files read once per process (about 400 KB each, only those a document uses). */
    private static final Map<String, byte[]> FILES = new ConcurrentHashMap<>();

    private DocumentFonts() {
    }

    static void register(PdfRendererBuilder builder) {
        for (Family family : FAMILIES) {
            for (Face face : FACES) {
                String resource = "liberation/" + family.file() + "-" + face.suffix() + ".ttf";
                for (String name : family.names()) {
                    builder.useFont(() -> open(resource), name, face.weight(), face.style(), true);
                }
            }
        }
    }

    static InputStream open(String resource) {
        byte[] bytes = FILES.computeIfAbsent(resource, DocumentFonts::read);
        return new ByteArrayInputStream(bytes);
    }

    private static byte[] read(String resource) {
        try (InputStream in = DocumentFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
