package com.workline.ui.quoting;

import com.workline.persistence.catalog.Catalog;
import com.workline.persistence.crm.Crm;
import com.workline.persistence.quoting.QuoteDetails;
import com.workline.persistence.quoting.QuoteStatus;
import com.workline.persistence.quoting.Quoting;
import com.workline.ui.common.Messages;
import com.workline.ui.documents.DocumentPreviewWindow;
import com.workline.ui.task.BackgroundTasks;
import com.workline.ui.workbench.Area;
import com.workline.ui.workbench.RecordKind;
import com.workline.ui.workbench.RecordRef;
import com.workline.ui.workbench.Screen;
import com.workline.ui.workbench.ScreenContext;
import com.workline.ui.workbench.SearchHit;
import com.workline.ui.workbench.Section;

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
        return screen.owning(tasks);
    }

    /** The stored quote as a PDF in a window of its own: Save as and Print there. */
    private static void preview(ScreenContext ctx, QuoteEditorViewModel editor) {
        QuoteDetails quote = editor.quoteProperty().get();
        if (quote == null) {
            return;
        }
        DocumentPreviewWindow.show(ctx, Messages.get("quote.preview"), () -> QuotePdf.render(ctx.session(), quote.id()),
                QuotePdf.fileName(quote));
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
