package com.workline.ui.shell;

import com.workline.persistence.common.Problem;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.session.OrganizationChoice;
import com.workline.persistence.session.TenantSession;
import com.workline.ui.common.Messages;
import com.workline.ui.common.Theme;
import com.workline.ui.common.UserPreferences;
import com.workline.ui.task.BackgroundTasks;
import com.workline.ui.workbench.Navigator;
import com.workline.ui.workbench.Section;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;

import java.util.List;

/**
 * The main window's state: the sections this person may open (from the registered areas, through the
 * navigator), the theme, the status bar (server, organization, person, connection state) and the user menu's
 * actions. {@link #dispose()} detaches it from the application-wide task runner when the session ends.
 */
public final class ShellViewModel {
    /** What the shell asks of the application: leaving the session or switching organization. */
    public interface Exits {
        void signOut();

        void switchOrganization(OrganizationChoice organization);
    }

    private final TenantSession session;
    private final BackgroundTasks tasks;
    private final UserPreferences preferences;
    private final Exits exits;
    private final Navigator navigator;
    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(true);
    private final ChangeListener<Boolean> connectionListener = (o, was, lost) -> connected.set(!lost);
    private final String serverLabel;

    /**
     * @param tasks       the shell's own task scope (the connection check); closed by {@link #dispose()}
     * @param serverLabel how the status bar names the server (e.g. "This computer" for the embedded database),
     *                    or {@code null} for its address
     */
    public ShellViewModel(TenantSession session, BackgroundTasks tasks, UserPreferences preferences, Exits exits,
                          Navigator navigator, String serverLabel) {
        this.session = session;
        this.serverLabel = serverLabel;
        this.tasks = tasks;
        this.preferences = preferences;
        this.exits = exits;
        this.navigator = navigator;
        theme.set(preferences.theme(session.person().login()));
        // Any screen's failed task is news for the status bar too, and so is the next success.
        tasks.connectionLostProperty().addListener(connectionListener);
    }

    public List<Section> sections() {
        return navigator.sections();
    }

    public Navigator navigator() {
        return navigator;
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public void toggleTheme() {
        theme.set(theme.get().other());
        preferences.theme(session.person().login(), theme.get());
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** Asks the server whether it is still there; the view calls this periodically. */
    public void checkConnection() {
        tasks.latest("heartbeat", () -> {
            if (!session.isConnected()) {
                throw new WorklineException(Problem.CONNECTION_LOST, "The server does not answer.");
            }
            return Boolean.TRUE;
        }, ok -> connected.set(true), failure -> connected.set(false));
    }

    public TenantSession session() {
        return session;
    }

    public String serverText() {
        return Messages.get("status.server", serverLabel != null ? serverLabel : session.person().serverDisplay());
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
        exits.switchOrganization(organization);
    }

    public void signOut() {
        exits.signOut();
    }

    /** The session ends: stop listening to the application-wide runner and drop the shell's pending answers. */
    public void dispose() {
        tasks.connectionLostProperty().removeListener(connectionListener);
        tasks.close();
    }
}
