package com.workline.ui.crm;

import com.workline.persistence.crm.Crm;
import com.workline.persistence.crm.CustomerQuery;
import com.workline.ui.admin.CustomFieldsView;
import com.workline.ui.admin.CustomFieldsViewModel;
import com.workline.ui.admin.PipelinesView;
import com.workline.ui.admin.PipelinesViewModel;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import com.workline.ui.workbench.Area;
import com.workline.ui.workbench.Permissions;
import com.workline.ui.workbench.RecordKind;
import com.workline.ui.workbench.RecordRef;
import com.workline.ui.workbench.Screen;
import com.workline.ui.workbench.ScreenContext;
import com.workline.ui.workbench.SearchHit;
import com.workline.ui.workbench.Section;
import javafx.scene.Node;
import javafx.scene.layout.BorderPane;

import java.util.List;
import java.util.UUID;

/**
 * The CRM area in the desktop client: customers (list, record, import), the deals pipeline, and the CRM's
 * administration (pipelines, custom fields); customers are records any screen can open and Ctrl+K finds.
 */
public final class CrmArea implements Area {
    public static final String CUSTOMERS = "customers";
    public static final String PIPELINE = "pipeline";
    public static final String CUSTOMER = "customer";
    public static final String DEAL = "deal";
    /** A blank customer form (its id is only the place's identity); saved, it becomes a {@link #CUSTOMER}. */
    public static final String NEW_CUSTOMER = "customer.new";

    @Override
    public List<Section> sections() {
        return List.of(
                new Section(CUSTOMERS, "nav.customers", "nav.crm", 100, p -> true, CrmArea::customerList),
                new Section(PIPELINE, "nav.pipeline", "nav.crm", 110, p -> true, CrmArea::pipeline),
                new Section("pipelines", "nav.pipelines", Section.ADMINISTRATION, 920, Permissions::mayAdminister,
                        ctx -> {
                            BackgroundTasks tasks = ctx.newTasks();
                            return PipelinesView.create(new PipelinesViewModel(Crm.of(ctx.session()).pipelines(), tasks,
                                    ctx.locale())).owning(tasks);
                        }),
                new Section("custom_fields", "nav.customFields", Section.ADMINISTRATION, 930, Permissions::mayAdminister,
                        ctx -> {
                            BackgroundTasks tasks = ctx.newTasks();
                            return CustomFieldsView.create(new CustomFieldsViewModel(Crm.of(ctx.session()).customFields(),
                                    tasks)).owning(tasks);
                        }));
    }

    @Override
    public List<RecordKind> recordKinds() {
        return List.of(new RecordKind(CUSTOMER, CUSTOMERS, CrmArea::customerRecord, CrmArea::findCustomers),
                new RecordKind(NEW_CUSTOMER, CUSTOMERS, CrmArea::newCustomer, null),
                new RecordKind(DEAL, PIPELINE, CrmArea::dealRecord, CrmArea::findDeals));
    }

    /** The customer list; a new customer and the import open in place, "back" returns to the same list. */
    private static Screen customerList(ScreenContext ctx) {
        Crm crm = Crm.of(ctx.session());
        BackgroundTasks tasks = ctx.newTasks();
        BorderPane holder = new BorderPane();
        var listVm = new CustomerListViewModel(ctx.session(), tasks, ctx.locale());
        Node[] list = new Node[1];
        java.util.function.Consumer<UUID> open = id -> {
            if (id != null) {
                ctx.navigator().open(new RecordRef(CUSTOMER, id));
                return;
            }
            ctx.navigator().open(new RecordRef(NEW_CUSTOMER, UUID.randomUUID()));
        };
        Runnable startImport = ctx.permissions().mayEdit() ? () -> {
            var importVm = new CustomerImportViewModel(crm.customerImport(), tasks, listVm::refresh);
            holder.setCenter(CustomerImportView.create(importVm, () -> holder.setCenter(list[0])));
        } : null;
        Screen listScreen = CustomerListView.create(listVm, open, startImport);
        list[0] = listScreen.root();
        holder.setCenter(list[0]);
        // The list's own shortcuts (Ctrl+F, Ctrl+N) belong to the whole section screen.
        Screen screen = Screen.of(holder).owning(tasks).whenShownAgain(listVm::refresh);
        listScreen.shortcuts().forEach(screen::shortcut);
        return screen;
    }

    private static CustomerRecordViewModel recordViewModel(Crm crm, BackgroundTasks tasks,
                                                           java.util.function.Consumer<com.workline.persistence.crm.CustomerDetails> onSaved) {
        return new CustomerRecordViewModel(crm.customers(), crm.customFields(), crm.contacts(), crm.activities(), tasks,
                onSaved).withHistory(crm.history());
    }

    private static Screen customerRecord(ScreenContext ctx, RecordRef ref) {
        BackgroundTasks tasks = ctx.newTasks();
        var record = recordViewModel(Crm.of(ctx.session()), tasks, saved -> { }).inLocale(ctx.locale());
        List<Screen> parts = new java.util.ArrayList<>();
        List<javafx.scene.control.Tab> tabs = new java.util.ArrayList<>();
        for (var tab : ctx.navigator().workbench().tabsFor(CUSTOMER)) {
            Screen part = tab.content().apply(ctx, ref.id());
            parts.add(part);
            javafx.scene.control.Tab t = new javafx.scene.control.Tab(Messages.get(tab.titleKey()), part.root());
            t.setId("customer-tab-" + tab.titleKey());
            tabs.add(t);
        }
        Screen screen = CustomerRecordView.create(record, () -> ctx.navigator().showStart(CUSTOMERS), ctx.locale(),
                ctx.permissions().mayManage(), tabs);
        parts.forEach(screen::including);
        record.open(ref.id());
        return screen.owning(tasks);
    }

    private static Screen newCustomer(ScreenContext ctx, RecordRef ref) {
        BackgroundTasks tasks = ctx.newTasks();
        Screen[] form = new Screen[1];
        var record = recordViewModel(Crm.of(ctx.session()), tasks, saved -> {
            if (ref.equals(ctx.navigator().current().record())) {
                ctx.navigator().replaceWith(new RecordRef(CUSTOMER, saved.id()), form[0]);
            }
        });
        record.inLocale(ctx.locale());
        form[0] = CustomerRecordView.create(record, () -> ctx.navigator().showStart(CUSTOMERS), ctx.locale(),
                ctx.permissions().mayManage()).owning(tasks);
        record.open(null);
        return form[0];
    }

    private static List<SearchHit> findCustomers(ScreenContext ctx, String term, int limit) {
        return Crm.of(ctx.session()).customers().list(CustomerQuery.all().withSearch(term), null, limit).rows().stream()
                .map(c -> new SearchHit(new RecordRef(CUSTOMER, c.id()), c.name(),
                        Messages.get("search.kind.customer") + " " + c.number()
                                + (c.email() == null ? "" : " \u00b7 " + c.email())))
                .toList();
    }

    /** A deal's form as a place of its own (from Ctrl+K or another record); its customer opens from it. */
    private static Screen dealRecord(ScreenContext ctx, RecordRef ref) {
        BackgroundTasks tasks = ctx.newTasks();
        var form = new DealFormViewModel(Crm.of(ctx.session()).deals(), tasks, ctx.locale(), saved -> { });
        Node node = DealFormView.create(form, () -> ctx.navigator().showStart(PIPELINE), ctx.locale(), dealLinks(ctx));
        form.open(ref.id());
        return Screen.of(node).owning(tasks);
    }

    private static List<SearchHit> findDeals(ScreenContext ctx, String term, int limit) {
        return Crm.of(ctx.session()).deals().list(com.workline.persistence.crm.DealQuery.all().withSearch(term), null, limit)
                .rows().stream()
                .map(d -> new SearchHit(new RecordRef(DEAL, d.id()), d.title(),
                        Messages.get("search.kind.deal") + " \u00b7 " + d.customerName() + " \u00b7 " + d.stageName()))
                .toList();
    }

    /** CRM › Pipeline: the board or the list of deals. */
    private static Screen pipeline(ScreenContext ctx) {
        Crm crm = Crm.of(ctx.session());
        BackgroundTasks boardTasks = ctx.newTasks();
        BackgroundTasks listTasks = ctx.newTasks();
        DealFormView.Links links = dealLinks(ctx);
        var facts = ctx.navigator().workbench().factsFor(DEAL);
        Node node = DealsSection.create(
                () -> PipelineBoardView.create(new PipelineBoardViewModel(crm.deals(), crm.pipelines(), boardTasks)
                                .withFacts(facts.isEmpty() ? null : ids -> {
                                    java.util.Map<UUID, String> all = new java.util.HashMap<>();
                                    facts.forEach(f -> f.facts().of(ctx, ids).forEach((id, text) ->
                                            all.merge(id, text, (a, b) -> a + "\n" + b)));
                                    return all;
                                }),
                        ctx.locale(), links),
                () -> DealListView.create(new DealListViewModel(ctx.session(), listTasks, ctx.locale()), ctx.locale(),
                        links));
        return Screen.of(node).owning(boardTasks, listTasks);
    }

    /** A deal form's links: its customer, and the commands other areas add to deals ("New quote"). */
    private static DealFormView.Links dealLinks(ScreenContext ctx) {
        return new DealFormView.Links(id -> ctx.navigator().open(new RecordRef(CUSTOMER, id)),
                ctx.navigator().workbench().actionsFor(DEAL, ctx.permissions()).stream()
                        .map(a -> new DealFormView.Command(a.id(), Messages.get(a.labelKey()), id -> a.run().accept(ctx, id)))
                        .toList());
    }
}
