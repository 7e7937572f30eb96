package com.workline.ui.admin;

import com.workline.persistence.crm.Pipeline;
import com.workline.ui.common.Forms;
import com.workline.ui.common.Messages;
import com.workline.ui.workbench.Screen;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Optional;
import java.util.function.Consumer;

/** Administration › Pipelines: stages edited in place, saved together (Ctrl+S). */
public final class PipelinesView {
    private PipelinesView() {
    }

    public static Screen create(PipelinesViewModel vm) {
        ComboBox<Pipeline> pipeline = new ComboBox<>(vm.pipelines());
        pipeline.setId("pipeline-choice");
        pipeline.setConverter(Forms.converter((Pipeline p) -> p == null ? ""
                : p.isDefault() ? Messages.get("pipelines.defaultName", p.name()) : p.name()));
        pipeline.valueProperty().bindBidirectional(vm.pipelineProperty());
        pipeline.setOnAction(e -> vm.loadStages());
        Button rename = new Button(Messages.get("pipelines.rename"));
        rename.setOnAction(e -> ask(rename, Messages.get("pipelines.rename.title"),
                vm.pipelineProperty().get() == null ? "" : vm.pipelineProperty().get().name(), vm::renamePipeline));
        Button create = new Button(Messages.get("pipelines.new"));
        create.setId("pipeline-new");
        create.setOnAction(e -> ask(create, Messages.get("pipelines.new.title"), "", vm::createPipeline));
        Button makeDefault = new Button(Messages.get("pipelines.makeDefault"));
        makeDefault.setId("pipeline-make-default");
        makeDefault.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.pipelineProperty().get() == null || vm.pipelineProperty().get().isDefault(), vm.pipelineProperty()));
        makeDefault.setOnAction(e -> vm.makeDefault());
        HBox top = new HBox(10, pipeline, rename, create, makeDefault);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getChildren().forEach(n -> ((javafx.scene.layout.Region) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE));

        GridPane rows = new GridPane();
        rows.setId("stage-rows");
        rows.setHgap(10);
        rows.setVgap(4);
        ColumnConstraints nameColumn = new ColumnConstraints(220, 300, 420);
        nameColumn.setHgrow(Priority.SOMETIMES);
        rows.getColumnConstraints().addAll(nameColumn, new ColumnConstraints(110));
        Runnable rebuild = () -> rebuild(rows, vm);
        vm.stages().addListener((ListChangeListener<PipelinesViewModel.StageRow>) c -> rebuild.run());
        rebuild.run();

        Label listError = new Label();
        listError.setId("stages-error");
        listError.getStyleClass().add("danger");
        listError.setWrapText(true);
        listError.textProperty().bind(vm.errors().of("stages"));
        Button add = new Button(Messages.get("pipelines.addStage"));
        add.setId("stage-add");
        add.setOnAction(e -> vm.addStage());
        Button save = new Button(Messages.get("pipelines.save"));
        save.setId("stages-save");
        save.getStyleClass().add("accent");
        save.setDefaultButton(true);
        save.setOnAction(e -> vm.save());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(20, 20);
        busy.visibleProperty().bind(vm.busyProperty());
        Label message = new Label();
        message.setId("pipelines-message");
        message.textProperty().bind(vm.messageProperty());
        HBox buttons = new HBox(10, add, save, busy, message);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label hint = new Label(Messages.get("pipelines.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        VBox page = new VBox(14, Forms.title(Messages.get("pipelines.title")), hint, top, rows, listError, buttons);
        page.setPadding(new Insets(20, 28, 20, 28));
        page.setId("pipelines");
        vm.load();
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        return Screen.of(scroll)
                .shortcut(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), vm::save);
    }

    /** One grid row per stage, its errors below it; rebuilt when stages are added, removed or moved. */
    private static void rebuild(GridPane grid, PipelinesViewModel vm) {
        grid.getChildren().clear();
        String[] headers = {"pipelines.stage", "pipelines.probability", "pipelines.won", "pipelines.lost"};
        for (int c = 0; c < headers.length; c++) {
            Label header = new Label(Messages.get(headers[c]));
            header.getStyleClass().add("text-bold");
            grid.add(header, c, 0);
        }
        int line = 1;
        for (int i = 0; i < vm.stages().size(); i++) {
            PipelinesViewModel.StageRow row = vm.stages().get(i);
            TextField name = new TextField();
            name.setId("stage-name-" + i);
            name.textProperty().bindBidirectional(row.nameProperty());
            TextField probability = new TextField();
            probability.setId("stage-probability-" + i);
            probability.setPrefColumnCount(5);
            probability.textProperty().bindBidirectional(row.probabilityProperty());
            CheckBox won = new CheckBox();
            won.setId("stage-won-" + i);
            won.selectedProperty().bindBidirectional(row.wonProperty());
            CheckBox lost = new CheckBox();
            lost.setId("stage-lost-" + i);
            lost.selectedProperty().bindBidirectional(row.lostProperty());
            Button up = new Button("\u2191");
            up.setDisable(i == 0);
            up.setOnAction(e -> vm.move(row, -1));
            Button down = new Button("\u2193");
            down.setDisable(i == vm.stages().size() - 1);
            down.setOnAction(e -> vm.move(row, 1));
            Button remove = new Button(Messages.get("pipelines.removeStage"));
            remove.setId("stage-remove-" + i);
            remove.setOnAction(e -> vm.remove(row));
            HBox actions = new HBox(6, up, down, remove);
            grid.addRow(line++, name, probability, won, lost, actions);
            Label error = new Label();
            error.getStyleClass().addAll("field-error", "danger");
            String prefix = "stage." + i + ".";
            error.textProperty().bind(javafx.beans.binding.Bindings.concat(vm.errors().of(prefix + "name"), " ",
                    vm.errors().of(prefix + "probability"), " ", vm.errors().of(prefix + "won")));
            error.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                    () -> !error.getText().isBlank(), error.textProperty()));
            error.managedProperty().bind(error.visibleProperty());
            grid.add(error, 0, line++, 5, 1);
        }
    }

    private static void ask(Node owner, String title, String initial, Consumer<String> then) {
        TextInputDialog dialog = new TextInputDialog(initial);
        dialog.initOwner(owner.getScene().getWindow());
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        dialog.setContentText(Messages.get("pipelines.name"));
        Optional<String> answer = dialog.showAndWait();
        answer.filter(s -> !s.isBlank()).ifPresent(then);
    }
}
