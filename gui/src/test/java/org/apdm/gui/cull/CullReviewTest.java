package org.apdm.gui.cull;

import static org.apdm.gui.GuiTestKit.await;
import static org.apdm.gui.GuiTestKit.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.TableView;
import org.apdm.core.testing.BlinkTree;
import org.apdm.gui.GuiTestKit;
import org.apdm.gui.shell.PageCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** A group that needs a decision: reviewed with its chart, its limit adjusted, rejected, then restored. */
class CullReviewTest extends FxRobot {

    static final double[] HFR = {3.0, 3.1, 5.0, 5.2, 5.8, 6.2, 3.2, 4.9, 3.0, 3.3};

    @TempDir
    Path tmp;
    Application app;
    Path data;
    Path reject;

    @BeforeEach
    void start() throws Exception {
        data = tmp.resolve("Data");
        reject = tmp.resolve("Reject");
        BlinkTree tree = new BlinkTree(data);
        for (int i = 0; i < HFR.length; i++) {
            tree.light(BlinkTree.C8E, "M 31", "2025-01-01", "L", i * 5, HFR[i], 900, 0.8);
        }
        Path config = tmp.resolve("apdm.yaml");
        Files.writeString(config, """
                roots:
                  data: Data
                  reject: Reject
                state_dir: state
                rigs:
                  "C8E@f10.0+ZWO ASI2600MM Pro":
                    cull:
                      - name: pass1
                        max_hfr: 4.6
                        max_rms: 2.0
                        auto_accept_percent: 30
                """, StandardCharsets.UTF_8);
        app = GuiTestKit.start(GuiTestKit.options(tmp, config));
        await("the main window", () -> lookup("#nav-cull").tryQuery().isPresent());
        clickOn("#nav-cull");
        clickOn("#checkButton");
        await("the review", () -> lookup("#groupReview").tryQuery().isPresent());
    }

    @AfterEach
    void stop() throws Exception {
        GuiTestKit.stop(app);
    }

    static long frames(Path root) throws Exception {
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(f -> f.toString().endsWith(".fits")).count();
        }
    }

    int rejectRows() {
        TableView<?> t = lookup("#rejectTable").query();
        return fx(() -> t.getItems().size());
    }

    long redDots() {
        LineChart<?, ?> chart = lookup("#chart-hfr").query();
        return fx(() -> chart.lookupAll(".chart-line-symbol").stream()
                .filter(n -> n.getPseudoClassStates().contains(CullChart.REJECTED)).count());
    }

    @Test
    void adjustTheLimitSeeTheProposalFollowRejectAndRestore() throws Exception {
        CullViewModel vm = ((CullView) GuiTestKit.main(this).page(PageCatalog.CULL)).viewModel();
        assertEquals(1, fx(() -> vm.reviews().size()));
        assertTrue(fx(() -> vm.reviews().get(0).needsDecision()), "5 of 10 is above the 30 % auto-accept share");
        assertEquals(5, rejectRows());
        LineChart<?, ?> chart = lookup("#chart-hfr").query();
        assertEquals(10, fx(() -> chart.getData().get(0).getData().size()), "one point per frame, in capture order");
        assertEquals(4.6, fx(() -> ((Number) chart.getData().get(1).getData().get(0).getYValue()).doubleValue()), "the limit line");
        assertEquals(5, redDots());
        assertTrue(lookup("#chart-rmsac").tryQuery().isPresent() && lookup("#chart-stars").tryQuery().isPresent(),
                "RMS and stars are charted too");

        fx(() -> lookup("#limit-hfr").queryTextInputControl().clear());
        GuiTestKit.type(this, "#limit-hfr", "5.5");
        await("the proposal to follow the limit", () -> rejectRows() == 2);
        assertEquals(2, redDots());
        assertEquals(0, frames(reject), "adjusting moves nothing");

        clickOn("#rejectButton");
        assertEquals(GroupReview.Decision.REJECT, fx(() -> vm.reviews().get(0).decisionProperty().get()));
        clickOn("#showPlanButton");
        await("the plan", () -> lookup("#planTiles").tryQuery().isPresent());
        assertEquals(2, fx(() -> vm.previewProperty().get().counts().moves()));
        assertEquals("Move 2 frames to Reject", lookup("#cullApproveButton").queryButton().getText());

        clickOn("#cullApproveButton");
        await("the result", () -> lookup("#resultBanner").tryQuery().isPresent());
        assertEquals(2, frames(reject));
        assertEquals(8, frames(data));
        try (Stream<Path> s = Files.walk(reject)) {
            List<String> names = s.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".fits")).sorted().toList();
            assertTrue(names.get(0).contains("HFR_5.80") && names.get(1).contains("HFR_6.20"), names.toString());
        }

        clickOn("Rejected frames");
        TableView<?> rejected = lookup("#rejectedTable").query();
        await("the rejected frames", () -> rejected.getItems().size() == 2);
        clickOn("#restoreButton");
        await("the restore plan", () -> lookup("#restoreApproveButton").tryQuery().isPresent());
        clickOn("#restoreApproveButton");
        await("the restore", () -> lookup("#resultBanner").tryQuery().filter(Node::isVisible).isPresent() && framesQuietly(data) == 10);
        assertEquals(0, frames(reject));
    }

    @Test
    void rejectsArePurgedOnlyAfterTheTickAndOnlyWhenOldEnough() throws Exception {
        clickOn("#rejectButton");
        clickOn("#showPlanButton");
        await("the plan", () -> lookup("#cullApproveButton").tryQuery().isPresent());
        clickOn("#cullApproveButton");
        await("the result", () -> lookup("#resultBanner").tryQuery().isPresent());
        assertEquals(5, frames(reject));

        clickOn("Purge");
        await("the purge page", () -> lookup("#purgeDays").tryQuery().filter(Node::isVisible).isPresent());
        clickOn((Node) GuiTestKit.shown(this, "#planButton"));
        await("the purge plan", () -> GuiTestKit.isShown(this, "#planTiles"));
        assertEquals("Delete 0 rejected frames", GuiTestKit.<javafx.scene.control.Button>shown(this, "#approveButton").getText(), "frames rejected today are not 30 days old");

        clickOn("Start over");
        fx(() -> lookup("#purgeDays").queryTextInputControl().setText("0"));
        clickOn((Node) GuiTestKit.shown(this, "#planButton"));
        await("the purge plan", () -> GuiTestKit.isShown(this, "#confirmBox"));
        javafx.scene.control.Button approve = GuiTestKit.shown(this, "#approveButton");
        assertEquals("Delete 5 rejected frames", approve.getText());
        assertTrue(fx(approve::isDisabled), "a purge cannot be undone: the tick comes first");
        assertEquals(5, frames(reject), "planning deleted nothing");
        clickOn("#confirmBox");
        clickOn(approve);
        await("the purge", () -> framesQuietly(reject) == 0);
        assertEquals(5, frames(data), "kept frames are untouched");
    }

    static long framesQuietly(Path root) {
        try {
            return frames(root);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
