package com.workline.ui.crm;

import com.workline.persistence.common.Problem;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.crm.CustomerImport;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The import wizard: choose a CSV file, map its columns (a mapping is suggested from the header), check
 * every row (the report lists each row's problems), then import all rows at once — or none.
 */
public final class CustomerImportViewModel {
    /** The choice meaning "do not import this column". */
    public static final String IGNORE = "";

    private final CustomerImport service;
    private final BackgroundTasks tasks;
    private final Runnable onImported;
    private final StringProperty file = new SimpleStringProperty("");
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final Map<String, StringProperty> mapping = new LinkedHashMap<>();
    private final ObservableList<CustomerImport.RowReport> report = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper encoding = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper importable = new ReadOnlyBooleanWrapper(false);
    private CustomerImport.CsvFile csv;

    public CustomerImportViewModel(CustomerImport service, BackgroundTasks tasks, Runnable onImported) {
        this.service = service;
        this.tasks = tasks;
        this.onImported = onImported;
    }

    public StringProperty fileProperty() {
        return file;
    }

    public ObservableList<String> columns() {
        return columns;
    }

    /** The field the column is mapped to, or {@link #IGNORE}. */
    public StringProperty mapping(String column) {
        return mapping.computeIfAbsent(column, c -> new SimpleStringProperty(IGNORE));
    }

    public ObservableList<CustomerImport.RowReport> report() {
        return report;
    }

    /** Which encoding the file was read in ("Read as Windows-1252."), once it is open. */
    public ReadOnlyStringProperty encodingProperty() {
        return encoding.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True after a check found no problem; any change of file or mapping needs a new check. */
    public ReadOnlyBooleanProperty importableProperty() {
        return importable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    /** Reads the chosen file and proposes a mapping. */
    public void open() {
        Path path = Path.of(file.get().strip());
        importable.set(false);
        report.clear();
        encoding.set("");
        tasks.run(() -> {
            try {
                return CustomerImport.read(Files.readAllBytes(path));
            } catch (IOException e) {
                throw new WorklineException(Problem.INVALID_INPUT, Messages.get("import.file.unreadable", e.getMessage()), e);
            }
        }, read -> {
            csv = read;
            mapping.clear();
            Map<String, String> suggested = CustomerImport.suggestMapping(read.header());
            read.header().forEach(c -> mapping(c).set(suggested.getOrDefault(c, IGNORE)));
            mapping.values().forEach(p -> p.addListener((o, was, now) -> importable.set(false)));
            columns.setAll(read.header());
            encoding.set(read.encoding() == null ? "" : Messages.get("import.encoding", read.encoding()));
            message.set(Messages.get("import.read", read.rows().size()));
        }, failure -> message.set(failure.getLocalizedMessage()));
    }

    /** Checks every row with the current mapping. */
    public void check() {
        run(false);
    }

    /** Imports all rows (checking them again first); nothing is written if any row has a problem. */
    public void commit() {
        run(true);
    }

    private void run(boolean commit) {
        if (csv == null) {
            return;
        }
        Map<String, String> chosen = new LinkedHashMap<>();
        mapping.forEach((column, field) -> {
            if (!field.get().isEmpty()) {
                chosen.put(column, field.get());
            }
        });
        CustomerImport.CsvFile data = csv;
        tasks.run(() -> commit ? service.commit(data, chosen) : service.preview(data, chosen), preview -> {
            report.setAll(preview.rows());
            importable.set(preview.valid() && !commit);
            if (commit && preview.valid()) {
                message.set(Messages.get("import.done", preview.rows().size()));
                onImported.run();
            } else {
                message.set(preview.valid() ? Messages.get("import.ready", preview.rows().size())
                        : Messages.get("import.problems", preview.errorCount(), preview.rows().size()));
            }
        }, failure -> message.set(failure.getLocalizedMessage()));
    }
}
