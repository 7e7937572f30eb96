package com.workline.ui.quoting;

import com.workline.persistence.admin.Administration;
import com.workline.persistence.catalog.Catalog;
import com.workline.persistence.crm.Crm;
import com.workline.persistence.quoting.DealQuoteValue;
import com.workline.persistence.mail.SmtpSender;
import com.workline.persistence.documents.PdfRenderer;
import com.workline.persistence.quoting.QuoteDetails;
import com.workline.persistence.quoting.QuoteStatus;
import com.workline.persistence.quoting.Quoting;
import javafx.scene.Node;
import com.workline.ui.admin.AdministrationArea;
import com.workline.ui.common.Messages;
import com.workline.ui.documents.DocumentPreviewWindow;
import com.workline.ui.task.BackgroundTasks;
import com.workline.ui.workbench.Area;
import com.workline.ui.workbench.Permissions;
import com.workline.ui.workbench.RecordAction;
import com.workline.ui.workbench.RecordFacts;
import com.workline.ui.workbench.RecordKind;
import com.workline.ui.workbench.RecordTab;
import com.workline.ui.workbench.RecordRef;
import com.workline.ui.workbench.Screen;
import com.workline.ui.workbench.ScreenContext;
import com.workline.ui.workbench.SearchHit;
import com.workline.ui.workbench.Section;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
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
        var sends = new QuoteSendsViewModel(Quoting.of(ctx.session()).mailing(), ctx.permissions(), tasks, ctx.locale(),
                ctx.clock().getZone());
        Node[] owner = new Node[1];
        QuoteSendsView.Parts mail = QuoteSendsView.create(sends, vm.quoteProperty(), () -> email(ctx, vm, sends, owner[0]));
        owner[0] = mail.button();
        List<QuoteEditorView.Command> commands = ctx.navigator().workbench().actionsFor(QUOTE, ctx.permissions()).stream()
                .map(a -> new QuoteEditorView.Command(a.id(), Messages.get(a.labelKey()), id -> a.run().accept(ctx, id),
                        id -> a.availability().of(ctx, id)))
                .toList();
        Screen screen = QuoteEditorView.create(vm, () -> ctx.navigator().showStart(QUOTES), () -> preview(ctx, vm), mail,
                commands);
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

    /** The customer record's Quotes tab, "New quote" on deals, and each deal card's quote. */
    @Override
    public List<RecordTab> recordTabs() {
        return List.of(new RecordTab("customer", "quotes.customerTab", 10, (ctx, customerId) -> {
            BackgroundTasks tasks = ctx.newTasks();
            var vm = new CustomerQuotesViewModel(Quoting.of(ctx.session()).quotes(), Crm.of(ctx.session()).customers(),
                    customerId, tasks, ctx.locale());
            return CustomerQuotesView.create(vm, id -> ctx.navigator().open(new RecordRef(QUOTE, id)),
                    ctx.permissions().mayEdit()).owning(tasks);
        }));
    }

    @Override
    public List<RecordAction> recordActions() {
        return List.of(new RecordAction("deal", "deal-new-quote", "quote.newFromDeal", Permissions::mayEdit,
                QuotingArea::newQuoteFromDeal));
    }

    @Override
    public List<RecordFacts> recordFacts() {
        return List.of(new RecordFacts("deal", (ctx, ids) -> {
            Map<UUID, String> facts = new HashMap<>();
            Quoting.of(ctx.session()).quotes().dealQuoteValues(ids).forEach((deal, value) ->
                    facts.put(deal, dealFact(value, ctx.locale())));
            return facts;
        }));
    }

    /** "Quote Q-2026-00012 · €12,300.00 · Sent", with how many more quotes the deal has. */
    static String dealFact(DealQuoteValue value, java.util.Locale locale) {
        java.text.NumberFormat money = java.text.NumberFormat.getCurrencyInstance(locale);
        money.setCurrency(java.util.Currency.getInstance(value.currency()));
        String number = value.number() == null ? Messages.get("quotes.draftNumber") : value.number();
        String status = Messages.get("quote.status." + value.status().name());
        return value.quotes() > 1
                ? Messages.get("quote.dealFact.more", number, money.format(value.total()), status, String.valueOf(value.quotes() - 1))
                : Messages.get("quote.dealFact", number, money.format(value.total()), status);
    }

    /** A draft with the deal's customer, contact and title, opened in the editor. */
    private static void newQuoteFromDeal(ScreenContext ctx, UUID dealId) {
        BackgroundTasks tasks = ctx.newTasks();
        tasks.run(() -> Quoting.of(ctx.session()).quotes().createDraftFromDeal(dealId).id(), id -> {
            tasks.close();
            ctx.navigator().open(new RecordRef(QUOTE, id));
        }, failure -> {
            tasks.close();
            javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR,
                    failure.getLocalizedMessage());
            alert.setHeaderText(Messages.get("quote.newFromDeal"));
            alert.show();
        });
    }

    /** "E-mail…": a draft is sent first (it gets its number), after the person agrees; then the send dialog. */
    private static void email(ScreenContext ctx, QuoteEditorViewModel editor, QuoteSendsViewModel sends, Node owner) {
        QuoteDetails quote = editor.quoteProperty().get();
        if (!sends.canEmail(quote)) {
            return;
        }
        if (quote.status() == QuoteStatus.DRAFT) {
            if (SendQuoteDialog.confirmSendingDraft(owner)) {
                editor.send(sent -> sendDialog(ctx, sent, sends, owner));
            }
        } else {
            sendDialog(ctx, quote, sends, owner);
        }
    }

    private static void sendDialog(ScreenContext ctx, QuoteDetails quote, QuoteSendsViewModel sends, Node owner) {
        BackgroundTasks tasks = ctx.newTasks();
        var vm = new SendQuoteViewModel(Quoting.of(ctx.session()).mailing(),
                Administration.of(ctx.session()).mailSettings(ctx.secretsFolder()), new SmtpSender(),
                () -> QuotePdf.render(ctx.session(), quote.id()), quote, QuotePdf.fileName(quote), tasks,
                ctx.locale(), SendQuoteViewModel.SYSTEM, ctx.clock(), sends::reload);
        SendQuoteDialog.show(owner.getScene() == null ? null : owner.getScene().getWindow(), vm,
                () -> ctx.navigator().showSection(AdministrationArea.PROFILE), () -> {
                    tasks.close();
                    sends.reload();
                });
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
