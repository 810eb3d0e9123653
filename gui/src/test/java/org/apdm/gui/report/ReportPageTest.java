package org.apdm.gui.report;

import static org.apdm.gui.AcceptedArchive.isShown;
import static org.apdm.gui.AcceptedArchive.shown;
import static org.apdm.gui.GuiTestKit.await;
import static org.apdm.gui.GuiTestKit.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.apdm.gui.AcceptedArchive;
import org.apdm.gui.GuiTestKit;
import org.apdm.gui.operation.PlanPreview;
import org.apdm.gui.shell.PageCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The report page: the preview lists every target and the files it would write; approving writes them, overwriting nothing. */
class ReportPageTest extends FxRobot {

    @TempDir
    Path tmp;
    Application app;

    @AfterEach
    void stop() throws Exception {
        GuiTestKit.stop(app);
    }

    @Test
    void previewListsTheTargetsAndApprovingWritesTheFilesWithoutOverwritingTheUsersOwn() throws Exception {
        AcceptedArchive archive = new AcceptedArchive(tmp);
        archive.recordWithTheCommandLinesOperations();
        Path mine = archive.m81.resolve("totals.txt");
        Files.writeString(mine, "my own notes\n");
        app = GuiTestKit.start(GuiTestKit.options(tmp, archive.config));
        await("the main window", () -> lookup("#nav-report").tryQuery().isPresent());
        clickOn("#nav-report");
        clickOn(AcceptedArchive.<Button>shown(this, "#planButton"));
        await("the preview", () -> isShown(this, "#planTiles"));

        ReportView page = (ReportView) GuiTestKit.main(this).page(PageCatalog.REPORT);
        PlanPreview p = fx(() -> page.viewModel().flow().previewProperty().get());
        PlanPreview.Sheet targets = p.sheets().get(0);
        assertEquals(List.of("C8E@f10.0+ZWO ASI2600MM Pro 20_Data M 81 8", "SQA55@f5.3+ATR585M 30_Master Heart Nebula 2"),
                targets.rows().stream().map(r -> String.join(" ", r.cells().subList(0, 4))).toList());
        PlanPreview.Sheet files = p.sheets().get(1);
        assertEquals(4, files.rows().size(), "astrobin_csv.txt and totals.txt per target folder");
        assertEquals(4, p.actions());
        PlanPreview.SheetRow aside = files.rows().stream().filter(r -> r.cells().get(0).equals(mine.toString()))
                .findFirst().orElseThrow();
        assertTrue(aside.problem() && aside.cells().get(1).contains("kept as"), aside.cells().toString());
        assertFalse(Files.exists(archive.heart.resolve("totals.txt")), "the preview writes nothing");
        assertEquals("my own notes\n", Files.readString(mine));

        clickOn(AcceptedArchive.<Button>shown(this, "#approveButton"));
        await("the result", () -> isShown(this, "#resultBanner"));

        HBox b = shown(this, "#resultBanner");
        assertEquals("Report files: 3 written, 0 replaced, 0 unchanged, 1 kept aside first",
                fx(() -> ((Label) b.getChildren().get(0)).getText()));
        for (Path target : List.of(archive.m81, archive.heart)) {
            assertTrue(Files.readString(target.resolve("astrobin_csv.txt")).startsWith("date,filter,number,duration"),
                    target.toString());
            assertTrue(Files.exists(target.resolve("totals.txt")));
        }
        try (Stream<Path> s = Files.list(archive.m81)) {
            Path kept = s.filter(f -> f.getFileName().toString().startsWith("totals-kept-")).findFirst().orElseThrow();
            assertEquals("my own notes\n", Files.readString(kept), "the user's file is kept aside, not overwritten");
        }
    }
}
