package com.workline.ui.crm;

import com.workline.ui.common.Messages;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

import java.util.function.Supplier;

/** CRM › Pipeline: the board or the list of deals, switched at the top (each built when first shown). */
public final class DealsSection {
    private DealsSection() {
    }

    public static Node create(Supplier<Node> board, Supplier<Node> list) {
        BorderPane holder = new BorderPane();
        ToggleButton boardButton = new ToggleButton(Messages.get("deals.board"));
        boardButton.setId("deals-show-board");
        ToggleButton listButton = new ToggleButton(Messages.get("deals.list"));
        listButton.setId("deals-show-list");
        ToggleGroup group = new ToggleGroup();
        boardButton.setToggleGroup(group);
        listButton.setToggleGroup(group);
        boardButton.getStyleClass().add("left-pill");
        listButton.getStyleClass().add("right-pill");
        Node[] built = new Node[2];
        group.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one of the two is always shown
            } else if (now == boardButton) {
                holder.setCenter(built[0] == null ? built[0] = board.get() : built[0]);
            } else {
                holder.setCenter(built[1] == null ? built[1] = list.get() : built[1]);
            }
        });
        HBox switcher = new HBox(boardButton, listButton);
        switcher.setPadding(new Insets(14, 28, 0, 28));
        holder.setTop(switcher);
        boardButton.setSelected(true);
        return holder;
    }
}
