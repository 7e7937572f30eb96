package com.workline.ui.home;

import com.workline.persistence.crm.Crm;
import com.workline.ui.crm.CrmArea;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import com.workline.ui.workbench.Area;
import com.workline.ui.workbench.Screen;
import com.workline.ui.workbench.ScreenContext;
import com.workline.ui.workbench.Section;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.layout.VBox;

import java.util.List;

/** Home: who you are, where, what you can do here; then My day (tasks and notifications). */
public final class HomeArea implements Area {
    public static final String HOME = "home";

    @Override
    public List<Section> sections() {
        return List.of(new Section(HOME, "nav.home", null, 0, p -> true, HomeArea::home));
    }

    private static Screen home(ScreenContext ctx) {
        var org = ctx.session().organization();
        Label welcome = new Label(Messages.get("home.welcome", org.name()));
        welcome.getStyleClass().add("title-2");
        Label role = new Label(Messages.get("home.role", ctx.session().person().email(),
                Messages.get("role." + org.role().databaseValue())));
        Label areas = new Label(Messages.get("home.areas"));
        areas.setWrapText(true);
        VBox box = new VBox(12, welcome, role, areas);
        if (ctx.permissions().mayAdminister()) {
            Label admin = new Label(Messages.get("home.admin"));
            admin.setWrapText(true);
            box.getChildren().add(admin);
        }
        box.setPadding(new Insets(28));
        box.setId("home");
        BackgroundTasks tasks = ctx.newTasks();
        MyDayViewModel myDay = new MyDayViewModel(Crm.of(ctx.session()).activities(), tasks, ctx.clock());
        box.getChildren().addAll(new Separator(), MyDayView.create(myDay, ctx.locale(),
                customer -> ctx.navigator().open(new com.workline.ui.workbench.RecordRef(CrmArea.CUSTOMER, customer))));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return Screen.of(scroll).owning(tasks).whenShownAgain(myDay::load);
    }
}
