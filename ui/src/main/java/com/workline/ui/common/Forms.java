package com.workline.ui.common;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Builds labelled form rows with the field's error message right under the field. */
public final class Forms {
    private Forms() {
    }

    public static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(175);
        labels.setPrefWidth(175);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    /** Adds a row: label, field, and below the field its error (hidden while empty). */
    public static void row(GridPane grid, int row, String labelText, Node field, ObservableStringValue error) {
        Label label = new Label(labelText);
        label.setLabelFor(field);
        label.setMnemonicParsing(true);
        Label errorLabel = new Label();
        errorLabel.getStyleClass().addAll("field-error", "danger");
        errorLabel.textProperty().bind(error);
        errorLabel.visibleProperty().bind(errorLabel.textProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        errorLabel.setWrapText(true);
        VBox box = new VBox(2, field, errorLabel);
        grid.add(label, 0, row);
        grid.add(box, 1, row);
        GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        label.setPadding(new javafx.geometry.Insets(5, 0, 0, 0));
    }

    public static Label title(String text) {
        Label title = new Label(text);
        title.getStyleClass().add("title-3");
        return title;
    }

    /** Shows choice-box items as {@code text} says (the boxes are not editable, so nothing is parsed back). */
    public static <T> javafx.util.StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(T value) {
                return text.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
