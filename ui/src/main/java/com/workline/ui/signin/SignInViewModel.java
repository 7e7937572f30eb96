package com.workline.ui.signin;

import com.workline.persistence.db.ServerAddress;
import com.workline.persistence.tenancy.SignInService;
import com.workline.persistence.session.SignedInPerson;
import com.workline.ui.common.Messages;
import com.workline.ui.common.UserPreferences;
import com.workline.ui.task.BackgroundTasks;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sign-in: which server (this computer's embedded database, or a company server by host and database),
 * email and password. Errors of the sign-in service appear in {@link #errorProperty()}; nothing typed is lost.
 */
public final class SignInViewModel {
    private final SignInService signInService;
    private final Supplier<ServerAddress> embeddedServer;
    private final BackgroundTasks tasks;
    private final UserPreferences preferences;
    private final Consumer<SignedInPerson> onSignedIn;

    private final BooleanProperty useEmbedded = new SimpleBooleanProperty(true);
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("5432");
    private final StringProperty database = new SimpleStringProperty("workline");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty capsLock = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ServerAddress companyServer;
    private final boolean serverLocked;

    /**
     * @param embeddedServer the embedded database's address, or {@code null} when this installation has none; called
     *                       in the background, so it may wait for a database that is still starting
     * @param companyServer  the configured company server, preselected when present
     */
    public SignInViewModel(SignInService signInService, Supplier<ServerAddress> embeddedServer, ServerAddress companyServer,
                           BackgroundTasks tasks, UserPreferences preferences, Consumer<SignedInPerson> onSignedIn) {
        this(signInService, embeddedServer, companyServer, false, tasks, preferences, onSignedIn);
    }

    /**
     * @param serverLocked IT locked the server in the system-wide configuration: the choice of server is fixed
     */
    public SignInViewModel(SignInService signInService, Supplier<ServerAddress> embeddedServer, ServerAddress companyServer,
                           boolean serverLocked, BackgroundTasks tasks, UserPreferences preferences,
                           Consumer<SignedInPerson> onSignedIn) {
        this.signInService = signInService;
        this.companyServer = companyServer;
        this.serverLocked = serverLocked;
        this.embeddedServer = embeddedServer;
        this.tasks = tasks;
        this.preferences = preferences;
        this.onSignedIn = onSignedIn;
        if (companyServer != null) {
            useEmbedded.set(false);
            host.set(companyServer.host());
            port.set(String.valueOf(companyServer.port()));
            database.set(companyServer.database());
        }
        if (embeddedServer == null) {
            useEmbedded.set(false);
        }
        email.set(preferences.get("last-email").orElse(""));
    }

    /** Whether the person may choose another server than the configured one. */
    public boolean serverChoosable() {
        return !serverLocked;
    }

    public boolean embeddedAvailable() {
        return embeddedServer != null;
    }

    public BooleanProperty useEmbeddedProperty() {
        return useEmbedded;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty databaseProperty() {
        return database;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    /** Set by the view from the keyboard state; shows the caps-lock hint. */
    public BooleanProperty capsLockProperty() {
        return capsLock;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public void signIn() {
        if (tasks.busyProperty().get()) {
            return;
        }
        if (email.get().isBlank() || password.get().isEmpty()) {
            error.set(Messages.get("signin.error.missing"));
            return;
        }
        Supplier<ServerAddress> server;
        try {
            server = chosenServer();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        error.set("");
        String typedEmail = email.get().strip();
        char[] typedPassword = password.get().toCharArray();
        // The embedded database's address is asked for in the background: it may still be starting (it waits).
        tasks.run(() -> signInService.signIn(server.get(), typedEmail, typedPassword), person -> {
            preferences.put("last-email", typedEmail);
            password.set("");
            onSignedIn.accept(person);
        }, failure -> error.set(failure.getLocalizedMessage()));
    }

    private Supplier<ServerAddress> chosenServer() {
        if (useEmbedded.get()) {
            return embeddedServer;
        }
        if (host.get().isBlank() || database.get().isBlank()) {
            throw new IllegalArgumentException(Messages.get("signin.error.server"));
        }
        int portNumber;
        try {
            portNumber = Integer.parseInt(port.get().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Messages.get("signin.error.port"));
        }
        if (portNumber < 1 || portNumber > 65535) {
            throw new IllegalArgumentException(Messages.get("signin.error.port"));
        }
        ServerAddress typed = ServerAddress.of(host.get().strip(), portNumber, database.get().strip());
        // The configured server as it is, with its TLS settings (sslmode, CA), unless another one was typed.
        if (companyServer != null && companyServer.host().equals(typed.host()) && companyServer.port() == typed.port()
                && companyServer.database().equals(typed.database())) {
            return () -> companyServer;
        }
        return () -> typed;
    }
}
