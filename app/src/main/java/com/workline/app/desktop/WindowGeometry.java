package com.workline.app.desktop;

import com.workline.ui.common.UserPreferences;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Remembers the main window's size and position, and never restores it off-screen. */
final class WindowGeometry {
    private WindowGeometry() {
    }

    static void restore(Stage stage, UserPreferences preferences) {
        double width = number(preferences, "window.width", 1280);
        double height = number(preferences, "window.height", 820);
        double x = number(preferences, "window.x", Double.NaN);
        double y = number(preferences, "window.y", Double.NaN);
        stage.setWidth(width);
        stage.setHeight(height);
        if (!Double.isNaN(x) && !Double.isNaN(y)
                && !Screen.getScreensForRectangle(new Rectangle2D(x, y, width, height)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(Boolean.parseBoolean(preferences.get("window.maximized").orElse("false")));
    }

    static void save(Stage stage, UserPreferences preferences) {
        preferences.put("window.maximized", Boolean.toString(stage.isMaximized()));
        if (!stage.isMaximized()) {
            preferences.put("window.width", Double.toString(stage.getWidth()));
            preferences.put("window.height", Double.toString(stage.getHeight()));
            preferences.put("window.x", Double.toString(stage.getX()));
            preferences.put("window.y", Double.toString(stage.getY()));
        }
    }

    private static double number(UserPreferences preferences, String key, double fallback) {
        try {
            return preferences.get(key).map(Double::parseDouble).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
