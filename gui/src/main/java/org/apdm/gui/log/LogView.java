package org.apdm.gui.log;

import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.apdm.gui.shell.PageView;
import org.apdm.gui.shell.Ui;

/** The operation log: every line each operation wrote, worded as the command line prints it. */
public final class LogView implements PageView {

    private final VBox root = new VBox();

    public LogView(OperationLog log) {
        root.getStyleClass().add("page");
        ListView<LogEntry> list = new ListView<>(log.entries());
        list.setId("logList");
        list.getStyleClass().add("log-list");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(LogEntry e, boolean empty) {
                super.updateItem(e, empty);
                getStyleClass().remove("problem");
                if (empty || e == null) {
                    setText(null);
                    return;
                }
                setText(e.time() + "  " + String.format("%-9s", e.operation()) + " " + e.line());
                if (e.problem()) {
                    getStyleClass().add("problem");
                }
            }
        });
        list.setPlaceholder(Ui.label("Nothing has run yet in this session.", "muted"));
        log.entries().addListener((javafx.collections.ListChangeListener<LogEntry>) c -> {
            if (!log.entries().isEmpty()) {
                list.scrollTo(log.entries().size() - 1);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        root.getChildren().addAll(Ui.row(12, Ui.header("Log", "What each operation did in this session, in the words of the command line."),
                        Ui.grow(), Ui.button("Copy all", () -> {
                            ClipboardContent c = new ClipboardContent();
                            c.putString(log.text());
                            Clipboard.getSystemClipboard().setContent(c);
                        }), Ui.button("Clear", () -> log.entries().clear())),
                list);
    }

    @Override
    public Node node() {
        return root;
    }
}
