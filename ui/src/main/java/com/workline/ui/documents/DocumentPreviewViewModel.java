package com.workline.ui.documents;

import com.workline.persistence.documents.PdfPreview;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * A rendered business document (quote, later invoice) as the preview shows it: the PDF made in the background,
 * its pages as images, saving it as a file. Document-neutral: the caller supplies how the PDF is made.
 */
public final class DocumentPreviewViewModel {
    /** Resolution of the on-screen pages. */
    static final float SCREEN_DPI = 110f;

    private final BackgroundTasks tasks;
    private final Supplier<byte[]> renderer;
    private final String suggestedFileName;
    private final ObservableList<byte[]> pages = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private byte[] pdf;

    /**
     * @param renderer          makes the PDF (runs in the background)
     * @param suggestedFileName e.g. "Q-2026-00042.pdf"
     */
    public DocumentPreviewViewModel(BackgroundTasks tasks, Supplier<byte[]> renderer, String suggestedFileName) {
        this.tasks = tasks;
        this.renderer = renderer;
        this.suggestedFileName = suggestedFileName;
    }

    /** Renders the document and its page images. */
    public void load() {
        message.set(Messages.get("preview.rendering"));
        tasks.run(() -> {
            byte[] made = renderer.get();
            return new Rendered(made, PdfPreview.pagesAsPng(made, SCREEN_DPI));
        }, rendered -> {
            pdf = rendered.pdf();
            pages.setAll(rendered.pages());
            message.set(Messages.get("preview.pages", rendered.pages().size()));
        }, failure -> message.set(failure.getLocalizedMessage()));
    }

    /** The pages as PNG images, in order. */
    public ObservableList<byte[]> pages() {
        return pages;
    }

    /** The rendered PDF, or null before {@link #load()} has finished. */
    public byte[] pdf() {
        return pdf;
    }

    public String suggestedFileName() {
        return suggestedFileName;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Writes the PDF to {@code file} in the background and says where. */
    public void saveTo(Path file) {
        byte[] document = pdf;
        if (document == null) {
            message.set(Messages.get("preview.notReady"));
            return;
        }
        tasks.run(() -> {
            try {
                Files.write(file, document);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, saved -> message.set(Messages.get("preview.saved", saved.toAbsolutePath())),
                failure -> message.set(Messages.get("preview.notSaved", file, failure.getLocalizedMessage())));
    }

    /** Print… before the document is ready. */
    public void notReady() {
        message.set(Messages.get("preview.notReady"));
    }

    /** The toolkit found no printer: say what to do instead. */
    public void noPrinter() {
        message.set(Messages.get("preview.noPrinter"));
    }

    /** The print dialog was confirmed; the pages are being prepared and sent. */
    public void printing() {
        message.set(Messages.get("preview.printing"));
    }

    public void printed(int pageCount) {
        message.set(Messages.get("preview.printed", pageCount));
    }

    public void printFailed(String reason) {
        message.set(Messages.get("preview.printFailed", reason));
    }

    private record Rendered(byte[] pdf, List<byte[]> pages) {
    }
}
