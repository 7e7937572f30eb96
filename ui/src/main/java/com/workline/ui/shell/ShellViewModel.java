package com.workline.ui.shell;

import com.workline.persistence.session.OrganizationChoice;
import com.workline.persistence.session.TenantSession;
import com.workline.ui.common.Messages;
import com.workline.ui.common.Theme;
import com.workline.ui.common.UserPreferences;
import com.workline.ui.task.BackgroundTasks;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Arrays;
import java.util.List;

/**
 * The main window's state: which sections this person may open, the current one, the theme, the status bar
 * (server, organization, person, connection state) and the user menu's actions.
 */
public final class ShellViewModel {
    /** What the shell asks of the application: leaving the session or switching organization. */
    public interface Navigator {
        void signOut();

        void switchOrganization(OrganizationChoice organization);
    }

    private final TenantSession session;
    private final BackgroundTasks tasks;
    private final UserPreferences preferences;
    private final Navigator navigator;
    private final ObservableList<Section> sections = FXCollections.observableArrayList();
    private final ObjectProperty<Section> current = new SimpleObjectProperty<>(Section.HOME);
    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(true);

    private final String serverLabel;

    /**
     * @param serverLabel how the status bar names the server (e.g. "This computer" for the embedded database),
     *                    or {@code null} for its address
     */
    public ShellViewModel(TenantSession session, BackgroundTasks tasks, UserPreferences preferences, Navigator navigator,
                          String serverLabel) {
        this.session = session;
        this.serverLabel = serverLabel;
        this.tasks = tasks;
        this.preferences = preferences;
        this.navigator = navigator;
        boolean admin = session.organization().role().canAdminister();
        sections.setAll(Arrays.stream(Section.values()).filter(s -> admin || !s.administration()).toList());
        theme.set(preferences.theme(session.person().database().login()));
        // Any screen's failed task is news for the status bar too, and so is the next success.
        tasks.connectionLostProperty().addListener((o, was, lost) -> connected.set(!lost));
    }

    public ObservableList<Section> sections() {
        return sections;
    }

    public ObjectProperty<Section> currentProperty() {
        return current;
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public void toggleTheme() {
        theme.set(theme.get().other());
        preferences.theme(session.person().database().login(), theme.get());
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** Asks the server whether it is still there; the view calls this periodically. */
    public void checkConnection() {
        tasks.run(() -> {
            if (!session.isConnected()) {
                throw new com.workline.persistence.common.WorklineException(
                        com.workline.persistence.common.Problem.CONNECTION_LOST, "The server does not answer.");
            }
            return Boolean.TRUE;
        }, ok -> connected.set(true), failure -> connected.set(false));
    }

    public TenantSession session() {
        return session;
    }

    public String serverText() {
        return Messages.get("status.server", serverLabel != null ? serverLabel : session.person().database().server().display());
    }

    public String organizationText() {
        return Messages.get("status.organization", session.organization().name(),
                Messages.get("role." + session.organization().role().databaseValue()));
    }

    public String personText() {
        return Messages.get("status.person", session.person().email());
    }

    /** Other organizations this person may switch to. */
    public List<OrganizationChoice> otherOrganizations() {
        return session.person().organizations().stream()
                .filter(o -> !o.id().equals(session.organization().id())).toList();
    }

    public void switchTo(OrganizationChoice organization) {
        navigator.switchOrganization(organization);
    }

    public void signOut() {
        navigator.signOut();
    }
}
