package com.workline.ui.admin;

import com.workline.persistence.admin.OrganizationSettingsService;
import com.workline.persistence.admin.TaxRoundingMode;
import com.workline.persistence.documents.Branding;
import com.workline.ui.common.Forms;
import com.workline.ui.common.Messages;
import com.workline.ui.workbench.Screen;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ColorPicker;
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
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Administration › Organization: the settings form (Ctrl+S saves). */
public final class OrganizationSettingsView {
    private OrganizationSettingsView() {
    }

    /** @param previewSample opens the document preview for a sample quote made by the given renderer */
    public static Screen create(OrganizationSettingsViewModel vm, Consumer<Supplier<byte[]>> previewSample) {
        VBox sections = new VBox(18);
        sections.getChildren().add(section(vm, "settings.section.company",
                "name", "legalName", "taxId", "baseCurrency", "timezone", "locale"));
        sections.getChildren().add(section(vm, "settings.section.address",
                "addressLine1", "addressLine2", "postalCode", "city", "region", "country", "email", "phone", "website"));
        sections.getChildren().add(documents(vm, previewSample));
        GridPane taxes = section(vm, "settings.section.taxes", "defaultPaymentTermsDays", "defaultTaxRate");
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
        Forms.row(taxes, 3, Messages.get("settings.taxRoundingMode"), rounding, vm.errors().of("taxRoundingMode"));
        sections.getChildren().add(taxes);
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

    /**
     * What the organization adjusts on its documents (logo, accent colour, footer, quote terms, validity, acceptance
     * limit) and a sample quote with these settings, saved or not.
     */
    private static GridPane documents(OrganizationSettingsViewModel vm, Consumer<Supplier<byte[]>> previewSample) {
        GridPane grid = Forms.grid();
        Label title = new Label(Messages.get("settings.section.documents"));
        title.getStyleClass().add("title-4");
        grid.add(title, 0, 0, 2, 1);
        Forms.row(grid, 1, Messages.get("settings.logo"), logo(vm), vm.errors().of("logo"));

        ColorPicker colour = new ColorPicker(colour(vm.accentColourProperty().get()));
        colour.setId("documentAccentColour");
        vm.accentColourProperty().addListener((o, old, hex) -> {
            Color chosen = colour(hex);
            if (!chosen.equals(colour.getValue())) {
                colour.setValue(chosen);
            }
        });
        colour.valueProperty().addListener((o, old, chosen) -> {
            if (chosen != null) {
                vm.accentColourProperty().set(hex(chosen));
            }
        });
        Forms.row(grid, 2, Messages.get("settings.documentAccentColour"), colour, vm.errors().of("documentAccentColour"));
        Forms.row(grid, 3, Messages.get("settings.documentFooter"), textArea(vm, "documentFooter", 3),
                vm.errors().of("documentFooter"));
        Forms.row(grid, 4, Messages.get("settings.quoteTerms"), textArea(vm, "quoteTerms", 4), vm.errors().of("quoteTerms"));
        Forms.row(grid, 5, Messages.get("settings.quoteValidityDays"), textField(vm, "quoteValidityDays"),
                vm.errors().of("quoteValidityDays"));
        TextField limit = textField(vm, "quoteAcceptanceLimit");
        limit.setPromptText(Messages.get("settings.quoteAcceptanceLimit.none"));
        Label currency = new Label();
        currency.textProperty().bind(Bindings.createStringBinding(vm::currency, vm.field("baseCurrency")));
        HBox.setHgrow(limit, Priority.ALWAYS);
        HBox limitRow = new HBox(8, limit, currency);
        limitRow.setAlignment(Pos.CENTER_LEFT);
        Forms.row(grid, 6, Messages.get("settings.quoteAcceptanceLimit"), limitRow, vm.errors().of("quoteAcceptanceLimit"));
        Label limitHint = new Label(Messages.get("settings.quoteAcceptanceLimit.hint"));
        limitHint.getStyleClass().add("text-muted");
        limitHint.setWrapText(true);
        grid.add(limitHint, 1, 7);

        Button preview = new Button(Messages.get("settings.previewSample"));
        preview.setId("settings-preview-sample");
        preview.disableProperty().bind(vm.loadedProperty().not());
        preview.setOnAction(e -> vm.sampleDocument().ifPresent(previewSample));
        Label previewHint = new Label(Messages.get("settings.previewSample.hint"));
        previewHint.getStyleClass().add("text-muted");
        previewHint.setWrapText(true);
        HBox previewRow = new HBox(10, preview, previewHint);
        previewRow.setAlignment(Pos.CENTER_LEFT);
        grid.add(previewRow, 1, 8);
        return grid;
    }

    private static TextField textField(OrganizationSettingsViewModel vm, String field) {
        TextField input = new TextField();
        input.setId(field);
        input.textProperty().bindBidirectional(vm.field(field));
        return input;
    }

    private static TextArea textArea(OrganizationSettingsViewModel vm, String field, int rows) {
        TextArea area = new TextArea();
        area.setId(field);
        area.setPrefRowCount(rows);
        area.setWrapText(true);
        area.textProperty().bindBidirectional(vm.field(field));
        return area;
    }

    private static Color colour(String hex) {
        try {
            return Color.web(hex == null ? Branding.DEFAULT_ACCENT : hex);
        } catch (IllegalArgumentException e) {
            return Color.web(Branding.DEFAULT_ACCENT);
        }
    }

    /** {@code #rrggbb}, what the documents' style sheet and the database accept. */
    static String hex(Color colour) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(colour.getRed() * 255),
                Math.round(colour.getGreen() * 255), Math.round(colour.getBlue() * 255));
    }

    private static Node logo(OrganizationSettingsViewModel vm) {
        ImageView preview = new ImageView();
        preview.setId("settings-logo-preview");
        preview.setFitHeight(64);
        preview.setFitWidth(200);
        preview.setPreserveRatio(true);
        Runnable showLogo = () -> {
            byte[] bytes = vm.logoProperty().get();
            preview.setImage(bytes == null ? null : new Image(new ByteArrayInputStream(bytes)));
        };
        vm.logoProperty().addListener((o, old, bytes) -> showLogo.run());
        showLogo.run();
        Label none = new Label(Messages.get("settings.logo.none"));
        none.getStyleClass().add("text-muted");
        none.visibleProperty().bind(vm.logoProperty().isNull());
        Button choose = new Button(Messages.get("settings.logo.choose"));
        choose.setId("settings-logo-choose");
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("settings.logo.files"),
                    "*.png", "*.jpg", "*.jpeg", "*.PNG", "*.JPG", "*.JPEG"));
            var file = chooser.showOpenDialog(choose.getScene().getWindow());
            if (file != null) {
                vm.chooseLogoFile(file.toPath());
            }
        });
        Button remove = new Button(Messages.get("settings.logo.remove"));
        remove.setId("settings-logo-remove");
        remove.disableProperty().bind(vm.logoProperty().isNull());
        remove.setOnAction(e -> vm.removeLogo());
        HBox row = new HBox(12, new StackPane(preview, none), choose, remove);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

}
