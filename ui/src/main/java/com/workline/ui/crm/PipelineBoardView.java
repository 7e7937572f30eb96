package com.workline.ui.crm;

import com.workline.persistence.crm.BoardColumn;
import com.workline.persistence.crm.DealCard;
import com.workline.persistence.crm.Pipeline;
import com.workline.ui.common.Forms;
import com.workline.ui.common.Messages;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.text.NumberFormat;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * CRM › Pipeline: the kanban board; drag a card onto another column to move the deal; Enter or double-click opens
 * the deal's form in place of the board.
 */
public final class PipelineBoardView {
    private static final DataFormat DEAL = new DataFormat("application/x-workline-deal");

    private PipelineBoardView() {
    }

    public static Node create(PipelineBoardViewModel vm, Locale locale) {
        return create(vm, locale, DealFormView.Links.none());
    }

    /** @param openCustomer opens a deal's customer from its form (null: no such link) */
    public static Node create(PipelineBoardViewModel vm, Locale locale, java.util.function.Consumer<java.util.UUID> openCustomer) {
        return create(vm, locale, new DealFormView.Links(openCustomer, java.util.List.of()));
    }

    /** @param links what the deal form opened from here links to */
    public static Node create(PipelineBoardViewModel vm, Locale locale, DealFormView.Links links) {
        javafx.scene.layout.BorderPane holder = new javafx.scene.layout.BorderPane();
        @SuppressWarnings("unchecked")
        java.util.function.Consumer<DealCard>[] open = new java.util.function.Consumer[1];
        HBox board = new HBox(12);
        board.setId("pipeline-board");
        board.setPadding(new Insets(4));
        Map<String, DealCard> cardsById = new HashMap<>();
        Map<java.util.UUID, Label> factLabels = new HashMap<>();
        vm.facts().addListener((javafx.collections.MapChangeListener<java.util.UUID, String>) change -> {
            Label fact = factLabels.get(change.getKey());
            if (fact != null) {
                showFact(fact, vm.facts().get(change.getKey()));
            }
        });
        vm.columns().addListener((ListChangeListener<BoardColumn>) change -> {
            NumberFormat money = NumberFormat.getCurrencyInstance(locale);
            money.setCurrency(Currency.getInstance(vm.currency()));
            money.setMaximumFractionDigits(0);
            board.getChildren().clear();
            cardsById.clear();
            factLabels.clear();
            for (BoardColumn column : vm.columns()) {
                board.getChildren().add(column(vm, column, cardsById, factLabels, money, vm.columns(),
                        d -> open[0].accept(d)));
            }
        });
        ScrollPane scroll = new ScrollPane(board);
        scroll.setFitToHeight(true);
        Label message = new Label();
        message.setId("pipeline-message");
        message.textProperty().bind(vm.messageProperty());
        javafx.scene.control.ComboBox<Pipeline> pipeline =
                new javafx.scene.control.ComboBox<>(vm.pipelines());
        pipeline.setId("board-pipeline");
        pipeline.setConverter(Forms.converter((Pipeline p) -> p == null ? "" : p.name()));
        pipeline.valueProperty().bindBidirectional(vm.pipelineProperty());
        pipeline.setOnAction(e -> vm.choose(pipeline.getValue()));
        // With one pipeline there is nothing to choose.
        pipeline.visibleProperty().bind(javafx.beans.binding.Bindings.size(vm.pipelines()).greaterThan(1));
        pipeline.managedProperty().bind(pipeline.visibleProperty());
        HBox heading = new HBox(16, Forms.title(Messages.get("pipeline.title")), pipeline, message);
        heading.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox page = new VBox(12, heading, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        page.setPadding(new Insets(20, 28, 20, 28));
        page.setId("pipeline");
        // The deal form replaces the board; back (or Esc) returns to it, reloaded.
        open[0] = deal -> {
            DealFormViewModel form = vm.dealForm(locale);
            holder.setCenter(DealFormView.create(form, () -> {
                holder.setCenter(page);
                vm.load();
            }, locale, links));
            form.open(deal.id());
        };
        holder.setCenter(page);
        vm.load();
        return holder;
    }

    private static Node column(PipelineBoardViewModel vm, BoardColumn column, Map<String, DealCard> cardsById,
                               Map<java.util.UUID, Label> factLabels,
                               NumberFormat money, java.util.List<BoardColumn> allColumns,
                               java.util.function.Consumer<DealCard> open) {
        Label name = new Label(column.name() + " (" + column.dealCount() + ")");
        name.getStyleClass().add("title-4");
        Label totals = new Label(Messages.get("pipeline.totals", money.format(column.total()),
                money.format(column.weightedTotal())));
        totals.getStyleClass().addAll("text-small", "text-muted");
        VBox cards = new VBox(6);
        for (DealCard deal : column.deals()) {
            cardsById.put(deal.id().toString(), deal);
            Label fact = new Label();
            fact.setId("deal-fact-" + deal.id());
            fact.getStyleClass().add("text-small");
            fact.setWrapText(true);
            showFact(fact, vm.facts().get(deal.id()));
            factLabels.put(deal.id(), fact);
            Node card = card(deal, money, fact);
            // The keyboard and context-menu way to move a deal (drag and drop needs a mouse).
            javafx.scene.control.Menu moveTo = new javafx.scene.control.Menu(Messages.get("pipeline.moveTo"));
            for (BoardColumn target : allColumns) {
                if (!target.stageId().equals(column.stageId())) {
                    javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(target.name());
                    item.setOnAction(e -> vm.move(deal, target, c -> askLostReason(card, c)));
                    moveTo.getItems().add(item);
                }
            }
            javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(moveTo);
            card.setOnContextMenuRequested(e -> menu.show(card, e.getScreenX(), e.getScreenY()));
            card.setOnMouseClicked(e -> {
                if (e.getButton() == javafx.scene.input.MouseButton.SECONDARY && !menu.isShowing()) {
                    menu.show(card, e.getScreenX(), e.getScreenY());
                } else if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY) {
                    card.requestFocus();
                    if (e.getClickCount() == 2) {
                        open.accept(deal);
                    }
                }
            });
            card.setOnKeyPressed(e -> {
                if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                    open.accept(deal);
                } else if (e.getCode() == javafx.scene.input.KeyCode.CONTEXT_MENU
                        || e.getCode() == javafx.scene.input.KeyCode.F10 && e.isShiftDown()) {
                    var bounds = card.localToScreen(card.getBoundsInLocal());
                    menu.show(card, bounds.getMinX(), bounds.getMaxY());
                }
            });
            card.setFocusTraversable(true);
            cards.getChildren().add(card);
        }
        VBox box = new VBox(8, name, totals, cards);
        box.setId("stage-" + column.name().toLowerCase(Locale.ROOT).replace(' ', '-'));
        box.getStyleClass().add("pipeline-column");
        box.setPrefWidth(230);
        box.setMinWidth(200);
        box.setPadding(new Insets(10));
        box.setOnDragOver(e -> {
            if (e.getDragboard().hasContent(DEAL)) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        box.setOnDragDropped(e -> {
            Dragboard db = e.getDragboard();
            DealCard card = db.hasContent(DEAL) ? cardsById.get((String) db.getContent(DEAL)) : null;
            if (card != null) {
                vm.move(card, column, c -> askLostReason(box, c));
            }
            e.setDropCompleted(card != null);
            e.consume();
        });
        return box;
    }

    private static void showFact(Label fact, String text) {
        fact.setText(text);
        fact.setVisible(text != null);
        fact.setManaged(text != null);
    }

    private static Node card(DealCard deal, NumberFormat money, Label fact) {
        Label title = new Label(deal.title());
        title.getStyleClass().add("text-bold");
        Label customer = new Label(deal.customerName());
        customer.getStyleClass().add("text-muted");
        Label value = new Label(money.format(deal.value()) + "  \u00b7  " + deal.probability().stripTrailingZeros().toPlainString() + " %");
        VBox card = new VBox(2, title, customer, value, fact);
        card.setId("deal-" + deal.id());
        card.getStyleClass().addAll("card-form", "pipeline-card");
        card.setPadding(new Insets(8));
        card.setOnDragDetected(e -> {
            Dragboard db = card.startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content = new ClipboardContent();
            content.put(DEAL, deal.id().toString());
            db.setContent(content);
            e.consume();
        });
        return card;
    }

    private static String askLostReason(Node owner, DealCard card) {
        TextInputDialog dialog = new TextInputDialog();
        dialog.initOwner(owner.getScene().getWindow());
        dialog.setTitle(Messages.get("pipeline.lostReason.title"));
        dialog.setHeaderText(Messages.get("pipeline.lostReason.header", card.title()));
        return dialog.showAndWait().filter(s -> !s.isBlank()).orElse(null);
    }
}
