package com.workline.persistence.documents;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A PDF's pages prepared for a printer, one at a time (a page at 300 dpi is about 35 MB of pixels, so a long document
 * is never held in memory whole): rendered by PDFBox at the printer's resolution and sized to fit the printable area
 * without changing its proportions. Headless; the desktop client hands each page to the toolkit's print job.
 */
public final class PrintPages implements AutoCloseable {
    /** Below this the print looks coarse; above it the pixels only cost memory (text is sharp at 300 dpi). */
    public static final float MIN_DPI = 150f;
    public static final float MAX_DPI = 300f;

    private final PDDocument document;
    private final PDFRenderer renderer;

    private PrintPages(PDDocument document) {
        this.document = document;
        this.renderer = new PDFRenderer(document);
    }

    public static PrintPages open(byte[] pdf) {
        try {
            return new PrintPages(Loader.loadPDF(pdf));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int count() {
        return document.getNumberOfPages();
    }

    /** The resolution to render at for a printer of {@code printerDpi} (0 or less when the printer does not say). */
    public static float resolutionFor(int printerDpi) {
        return printerDpi <= 0 ? MAX_DPI : Math.max(MIN_DPI, Math.min(MAX_DPI, printerDpi));
    }

    /**
     * Page {@code index} (0-based) at {@code dpi}, sized for a printable area of {@code printableWidth} x
     * {@code printableHeight} points (1/72 inch).
     */
    public Page render(int index, float dpi, double printableWidth, double printableHeight) {
        if (dpi <= 0 || dpi > 600) {
            throw new IllegalArgumentException("dpi " + dpi);
        }
        PDRectangle box = document.getPage(index).getCropBox();
        boolean turned = document.getPage(index).getRotation() % 180 != 0;
        double width = turned ? box.getHeight() : box.getWidth();
        double height = turned ? box.getWidth() : box.getHeight();
        Size size = fit(width, height, printableWidth, printableHeight);
        try {
            BufferedImage image = renderer.renderImageWithDPI(index, dpi, ImageType.RGB);
            BufferedImage argb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
            argb.getGraphics().drawImage(image, 0, 0, null);
            int[] pixels = ((DataBufferInt) argb.getRaster().getDataBuffer()).getData();
            return new Page(argb.getWidth(), argb.getHeight(), pixels, size.width(), size.height());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The largest size with the page's proportions that fits the area (pages are scaled down or up alike). */
    public static Size fit(double pageWidth, double pageHeight, double areaWidth, double areaHeight) {
        if (pageWidth <= 0 || pageHeight <= 0 || areaWidth <= 0 || areaHeight <= 0) {
            throw new IllegalArgumentException("sizes must be positive");
        }
        double scale = Math.min(areaWidth / pageWidth, areaHeight / pageHeight);
        return new Size(pageWidth * scale, pageHeight * scale);
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A width and height in points. */
    public record Size(double width, double height) {
    }

    /**
     * One rendered page: {@code argb} pixels (opaque, row by row) of {@code pixelWidth} x {@code pixelHeight}, to be
     * printed at {@code width} x {@code height} points.
     */
    public record Page(int pixelWidth, int pixelHeight, int[] argb, double width, double height) {
    }
}
