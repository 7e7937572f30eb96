package com.workline.ui.admin;

import com.workline.persistence.admin.OrganizationSettingsService;
import com.workline.persistence.admin.TaxRoundingMode;
import com.workline.ui.common.Forms;
import com.workline.ui.common.Messages;
import com.workline.ui.workbench.Screen;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;

/** Administration › Organization: the settings form (Ctrl+S saves). */
public final class OrganizationSettingsView {
    private OrganizationSettingsView() {
    }

    public static Screen create(OrganizationSettingsViewModel vm) {
        VBox sections = new VBox(18);
        sections.getChildren().add(section(vm, "settings.section.company",
                "name", "legalName", "taxId", "baseCurrency", "timezone", "locale"));
        sections.getChildren().add(logo(vm));
        sections.getChildren().add(section(vm, "settings.section.address",
                "addressLine1", "addressLine2", "postalCode", "city", "region", "country", "email", "phone", "website"));
        GridPane documents = section(vm, "settings.section.documents",
                "defaultPaymentTermsDays", "defaultTaxRate", "quoteValidityDays");
        ComboBox<TaxRoundingMode> rounding = new ComboBox<>();
        rounding.setId("taxRoundingMode");
        rounding.getItems().setAll(TaxRoundingMode.values());
        rounding.valueProperty().bindBidirectional(vm.taxRoundingModeProperty());
        rounding.setConverter(new StringConverter<>() {
            @Override
            public String toString(TaxRoundingMode mode) {
                return mode == null ? "" : Messages.get("settings.taxRoundingMode." + mode.name());
            }

            @Override
            public TaxRoundingMode fromString(String s) {
                return null;
            }
        });
        Forms.row(documents, 4, Messages.get("settings.taxRoundingMode"), rounding, vm.errors().of("taxRoundingMode"));
        TextArea footer = new TextArea();
        footer.setId("invoiceFooter");
        footer.setPrefRowCount(3);
        footer.setWrapText(true);
        footer.textProperty().bindBidirectional(vm.field("invoiceFooter"));
        Forms.row(documents, 5, Messages.get("settings.invoiceFooter"), footer, vm.errors().of("invoiceFooter"));
        sections.getChildren().add(documents);
        GridPane numbers = section(vm, "settings.section.numbers", "numberFormat.quote", "numberFormat.invoice",
                "numberFormat.credit_note", "numberFormat.production_order", "numberFormat.project", "numberFormat.customer");
        Label hint = new Label(Messages.get("settings.numberFormat.hint"));
        hint.getStyleClass().add("text-muted");
        sections.getChildren().addAll(numbers, hint);

        Label message = new Label();
        message.setId("settings-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        Button save = new Button(Messages.get("form.save"));
        save.setId("settings-save");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(vm.busyProperty().or(vm.loadedProperty().not()));
        save.setOnAction(e -> vm.save());
        Button reload = new Button(Messages.get("form.reload"));
        reload.setOnAction(e -> vm.reload());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(vm.busyProperty());
        save.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        reload.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(message, javafx.scene.layout.Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox actions = new HBox(10, save, reload, busy, message);
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        VBox page = new VBox(16, Forms.title(Messages.get("settings.title")), actions, sections);
        page.setPadding(new Insets(20, 28, 28, 28));
        page.setMaxWidth(860);
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setId("organization-settings");
        vm.load();
        return Screen.of(scroll)
                .shortcut(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), vm::save);
    }

    private static GridPane section(OrganizationSettingsViewModel vm, String titleKey, String... fields) {
        GridPane grid = Forms.grid();
        Label title = new Label(Messages.get(titleKey));
        title.getStyleClass().add("title-4");
        grid.add(title, 0, 0, 2, 1);
        int row = 1;
        for (String field : fields) {
            TextField input = new TextField();
            input.setId(field.replace('.', '-'));
            input.textProperty().bindBidirectional(vm.field(field));
            Forms.row(grid, row++, Messages.get("settings." + field), input, vm.errors().of(field));
        }
        return grid;
    }

    private static Node logo(OrganizationSettingsViewModel vm) {
        ImageView preview = new ImageView();
        preview.setFitHeight(64);
        preview.setFitWidth(200);
        preview.setPreserveRatio(true);
        Label none = new Label(Messages.get("settings.logo.none"));
        none.getStyleClass().add("text-muted");
        vm.logoProperty().addListener((o, old, bytes) -> {
            preview.setImage(bytes == null ? null : new Image(new ByteArrayInputStream(bytes)));
            none.setVisible(bytes == null);
        });
        Button choose = new Button(Messages.get("settings.logo.choose"));
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG, JPEG, GIF", "*.png", "*.jpg", "*.jpeg", "*.gif"));
            var file = chooser.showOpenDialog(choose.getScene().getWindow());
            if (file != null) {
                try {
                    String name = file.getName().toLowerCase(java.util.Locale.ROOT);
                    String type = name.endsWith(".png") ? "image/png" : name.endsWith(".gif") ? "image/gif" : "image/jpeg";
                    vm.chooseLogo(Files.readAllBytes(file.toPath()), type);
                } catch (IOException ex) {
                    vm.errors().set("logo", ex.getMessage());
                }
            }
        });
        Button remove = new Button(Messages.get("settings.logo.remove"));
        remove.setOnAction(e -> vm.chooseLogo(null, null));
        GridPane grid = Forms.grid();
        Forms.row(grid, 0, Messages.get("settings.logo"), new HBox(12, new javafx.scene.layout.StackPane(preview, none), choose, remove),
                vm.errors().of("logo"));
        return grid;
    }

}
