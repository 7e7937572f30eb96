package com.workline.ui.documents;

import com.workline.persistence.documents.Branding;
import com.workline.persistence.documents.PdfRenderer;
import com.workline.persistence.documents.SampleDocuments;
import com.workline.ui.task.BackgroundTasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentPreviewViewModelTest {
    @TempDir
    Path folder;

    @Test
    void rendersPagesInTheBackgroundAndSavesTheSamePdf() throws Exception {
        var document = SampleDocuments.document("Preview GmbH", SampleDocuments.manyItems(60), BigDecimal.ZERO);
        int[] renders = new int[1];
        DocumentPreviewViewModel vm = new DocumentPreviewViewModel(BackgroundTasks.direct(), () -> {
            renders[0]++;
            return new PdfRenderer().render(document, Branding.plain(), Locale.GERMANY);
        }, "Q-2026-00042.pdf");

        vm.saveTo(folder.resolve("too-early.pdf"));
        assertThat(vm.messageProperty().get()).isEqualTo("The document is still being prepared.");
        assertThat(folder.resolve("too-early.pdf")).doesNotExist();

        vm.load();
        assertThat(vm.pages()).hasSizeGreaterThan(1);
        assertThat(vm.messageProperty().get()).isEqualTo(vm.pages().size() + " pages");
        assertThat(vm.pages().get(0)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');

        Path file = folder.resolve(vm.suggestedFileName());
        vm.saveTo(file);
        assertThat(Files.readAllBytes(file)).isEqualTo(vm.pdf());
        assertThat(new String(Files.readAllBytes(file), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(vm.messageProperty().get()).startsWith("Saved as ").endsWith("Q-2026-00042.pdf.");
        assertThat(renders[0]).as("rendered once, reused for saving and printing").isEqualTo(1);
        vm.noPrinter();
        assertThat(vm.messageProperty().get()).startsWith("No printer is installed.");
        vm.printed(2);
        assertThat(vm.messageProperty().get()).isEqualTo("Sent 2 pages to the printer.");

        vm.saveTo(folder.resolve("missing-folder").resolve("x.pdf"));
        assertThat(vm.messageProperty().get()).startsWith("Could not save ");
    }
}
