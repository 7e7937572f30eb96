package com.workline.ui.shell;

import com.workline.ui.common.Messages;
import com.workline.ui.workbench.SearchHit;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The Ctrl+K window, keyboard-only: type, Up/Down to choose, Enter to open, Esc to close. The first match is
 * chosen as results arrive, so "Ctrl+K, a name, Enter" opens it.
 */
public final class QuickSearchView {
    private QuickSearchView() {
    }

    public static Stage show(Window owner, QuickSearchViewModel vm) {
        TextField field = new TextField();
        field.setId("quick-search-field");
        field.setPromptText(Messages.get("search.prompt"));
        field.textProperty().bindBidirectional(vm.termProperty());
        ListView<SearchHit> results = new ListView<>(vm.hits());
        results.setId("quick-search-results");
        results.setFocusTraversable(false);
        results.setPrefHeight(360);
        results.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(SearchHit hit, boolean empty) {
                super.updateItem(hit, empty);
                if (empty || hit == null) {
                    setText(null);
                    setGraphic(null);
                } else {
                    Label title = new Label(hit.title());
                    title.getStyleClass().add("text-bold");
                    Label detail = new Label(hit.detail());
                    detail.getStyleClass().addAll("text-small", "text-muted");
                    setGraphic(new VBox(1, title, detail));
                    setText(null);
                }
            }
        });
        vm.hits().addListener((javafx.collections.ListChangeListener<SearchHit>) c -> {
            if (!vm.hits().isEmpty()) {
                results.getSelectionModel().select(0);
            }
        });
        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        message.getStyleClass().add("text-muted");
        Label hint = new Label(Messages.get("search.hint"));
        hint.getStyleClass().addAll("text-small", "text-muted");
        VBox box = new VBox(8, field, results, message, hint);
        box.setPadding(new Insets(14));
        box.setPrefWidth(560);
        box.setId("quick-search");
        box.getStyleClass().add("quick-search");

        Stage stage = new Stage(StageStyle.UTILITY);
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(Messages.get("search.title"));
        Scene scene = new Scene(box);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);

        PauseTransition pause = new PauseTransition(Duration.millis(120));
        pause.setOnFinished(e -> vm.search());
        field.textProperty().addListener((o, old, now) -> pause.playFromStart());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            var selection = results.getSelectionModel();
            if (e.getCode() == KeyCode.DOWN) {
                selection.selectNext();
                results.scrollTo(selection.getSelectedIndex());
            } else if (e.getCode() == KeyCode.UP) {
                selection.selectPrevious();
                results.scrollTo(selection.getSelectedIndex());
            } else if (e.getCode() != KeyCode.ENTER && e.getCode() != KeyCode.ESCAPE) {
                return;
            }
            e.consume();
        });
        // Enter and Esc act when the key comes up: closing the window while GTK still delivers the key to it
        // crashes the JVM (glass gtk: WindowContextBase::process_key on a destroyed window).
        scene.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            } else if (e.getCode() == KeyCode.ENTER) {
                pause.stop();
                SearchHit chosen = results.getSelectionModel().getSelectedItem();
                if (chosen != null) {
                    stage.close();
                    vm.open(chosen);
                } else {
                    vm.search();
                }
            } else {
                return;
            }
            e.consume();
        });
        results.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && results.getSelectionModel().getSelectedItem() != null) {
                stage.close();
                vm.open(results.getSelectionModel().getSelectedItem());
            }
        });
        stage.show();
        field.requestFocus();
        return stage;
    }
}
