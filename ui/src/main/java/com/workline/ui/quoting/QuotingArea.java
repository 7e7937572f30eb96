package com.workline.ui.quoting;

import com.workline.persistence.catalog.Catalog;
import com.workline.persistence.crm.Crm;
import com.workline.persistence.documents.PdfRenderer;
import com.workline.persistence.quoting.QuoteDetails;
import com.workline.persistence.quoting.QuoteStatus;
import com.workline.persistence.quoting.Quoting;
import com.workline.ui.common.Messages;
import com.workline.ui.documents.DocumentPreviewView;
import com.workline.ui.documents.DocumentPreviewViewModel;
import com.workline.ui.task.BackgroundTasks;
import com.workline.ui.workbench.Area;
import com.workline.ui.workbench.RecordKind;
import com.workline.ui.workbench.RecordRef;
import com.workline.ui.workbench.Screen;
import com.workline.ui.workbench.ScreenContext;
import com.workline.ui.workbench.SearchHit;
import com.workline.ui.workbench.Section;
import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Quotes in the desktop client: CRM › Quotes (status tabs, search, new quote) for everyone; a quote is a record any
 * screen can open (its editor) and Ctrl+K finds by number, title or customer.
 */
public final class QuotingArea implements Area {
    public static final String QUOTES = "quotes";
    public static final String QUOTE = "quote";

    @Override
    public List<Section> sections() {
        return List.of(new Section(QUOTES, "nav.quotes", "nav.crm", 120, p -> true, QuotingArea::quoteList));
    }

    @Override
    public List<RecordKind> recordKinds() {
        return List.of(new RecordKind(QUOTE, QUOTES, QuotingArea::quoteRecord, QuotingArea::findQuotes));
    }

    private static Screen quoteList(ScreenContext ctx) {
        BackgroundTasks tasks = ctx.newTasks();
        var vm = new QuoteListViewModel(Quoting.of(ctx.session()).quotes(), Crm.of(ctx.session()).customers(), tasks,
                ctx.locale());
        Consumer<UUID> open = id -> ctx.navigator().open(new RecordRef(QUOTE, id));
        return QuoteListView.create(vm, open, ctx.permissions().mayEdit()).owning(tasks);
    }

    private static Screen quoteRecord(ScreenContext ctx, RecordRef ref) {
        BackgroundTasks tasks = ctx.newTasks();
        var vm = new QuoteEditorViewModel(Quoting.of(ctx.session()).quotes(), Catalog.of(ctx.session()), Crm.of(ctx.session()),
                ctx.permissions(),
                tasks, ctx.locale(), id -> ctx.navigator().open(new RecordRef(QUOTE, id)));
        Screen screen = QuoteEditorView.create(vm, () -> ctx.navigator().showStart(QUOTES), () -> preview(ctx, vm));
        vm.open(ref.id());
        // The PDF engine's first use is slow (class loading, fonts): done once per client while the editor is read,
        // in a scope of its own so the editor does not show it as busy.
        BackgroundTasks warmUp = ctx.newTasks();
        warmUp.run(() -> {
            PdfRenderer.warmUp();
            return null;
        }, done -> { }, failure -> { });
        return screen.owning(tasks, warmUp);
    }

    /** The stored quote as a PDF in a window of its own: Save as and Print there. */
    private static void preview(ScreenContext ctx, QuoteEditorViewModel editor) {
        QuoteDetails quote = editor.quoteProperty().get();
        if (quote == null) {
            return;
        }
        BackgroundTasks tasks = ctx.newTasks();
        BackgroundTasks printTasks = ctx.newTasks();
        var vm = new DocumentPreviewViewModel(tasks, () -> QuotePdf.render(ctx.session(), quote.id(), ctx.locale()),
                QuotePdf.fileName(quote));
        Node node = DocumentPreviewView.create(vm, printTasks);
        Stage stage = new Stage();
        stage.setTitle(Messages.get("quote.preview"));
        stage.setScene(new Scene(new BorderPane(node), 900, 1000));
        stage.setOnHidden(e -> {
            tasks.close();
            printTasks.close();
        });
        stage.show();
        vm.load();
    }

    /** Ctrl+K: quotes whose number, title or customer matches, in every status. */
    private static List<SearchHit> findQuotes(ScreenContext ctx, String term, int limit) {
        var quotes = Quoting.of(ctx.session()).quotes();
        List<SearchHit> hits = new ArrayList<>();
        for (QuoteStatus status : QuoteStatus.values()) {
            if (hits.size() >= limit) {
                break;
            }
            quotes.list(status, term, null, limit - hits.size()).rows().forEach(q -> hits.add(new SearchHit(
                    new RecordRef(QUOTE, q.id()), q.title() == null || q.title().isBlank() ? q.customerName() : q.title(),
                    Messages.get("search.kind.quote") + " " + (q.number() == null ? Messages.get("quotes.draftNumber")
                            : q.number()) + " \u00b7 " + q.customerName() + " \u00b7 "
                            + Messages.get("quote.status." + q.status().name()))));
        }
        return hits;
    }
}
