package org.apdm.core.cull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.fileops.EngineSettings;
import org.apdm.core.fileops.FileEngine;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.apdm.core.testing.BlinkTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's answers: a proposal re-planned with limits the user adjusted, and metrics read only to be shown. */
class CullAdjustedDecisionTest {

    @TempDir
    Path tmp;
    Path data;
    Path reject;
    Path state;
    BlinkTree tree;
    ApdmConfig config;

    @BeforeEach
    void setUp() throws Exception {
        data = Files.createDirectories(tmp.resolve("Data"));
        reject = tmp.resolve("Reject");
        state = tmp.resolve("state");
        tree = new BlinkTree(data);
        config = CullCrashChild.config(state);
        // guiding RMS 2.1, 2.5, 2.9, 0.9, 0.9: the C8E's pass1 (max_rms 2.0) rejects 3 of 5 and asks
        double[] rms = {2.1, 2.5, 2.9, 0.9, 0.9};
        for (int i = 0; i < rms.length; i++) {
            tree.light(BlinkTree.C8E, "M 31", "2025-01-01", "R", i * 5, 3.0, 900, rms[i]);
        }
    }

    CullOperation.Result runPass1(CullOperation op, CullOperation.Decider decider) throws IOException {
        return op.run(new CullOperation.Request(data, reject, List.of(), "pass1", null, false), decider,
                ProgressListener.NONE, CancellationToken.none());
    }

    CullOperation op() {
        return new CullOperation(config, new FileEngine(EngineSettings.of(state)), Clock.systemUTC());
    }

    static CullPass withMaxRms(CullPass pass, double maxRms) {
        List<CullPass.Limit> limits = pass.limits().stream()
                .map(l -> l.metric().equals("rmsac") ? new CullPass.Limit("rmsac", maxRms, null) : l).toList();
        return new CullPass(pass.name(), limits, pass.relative(), pass.autoAcceptPercent());
    }

    static long frames(Path root) throws IOException {
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".fits")).count();
        }
    }

    @Test
    void aProposalReplannedWithALooserLimitRejectsOnlyWhatItNames() throws IOException {
        CullOperation.Result r = runPass1(op(), decideOnly(p -> CullPlanner.propose(p.group(), withMaxRms(p.pass(), 2.6))));

        assertEquals(1, r.groups().size());
        CullOperation.GroupResult g = r.groups().get(0);
        assertEquals(CullOperation.Decision.APPROVED, g.decision());
        assertEquals(1, g.proposal().rejects().size());
        assertEquals(List.of("rmsac 2.9 > 2.6"), g.proposal().rejects().get(0).reasons());
        assertEquals(1, g.moved());
        assertEquals(1, frames(reject));
        assertEquals(4, frames(data));
    }

    @Test
    void aProposalWithNothingLeftToRejectKeepsTheGroup() throws IOException {
        CullOperation.Result r = runPass1(op(), decideOnly(p -> CullPlanner.propose(p.group(), withMaxRms(p.pass(), 5.0))));

        assertEquals(CullOperation.Decision.DECLINED, r.groups().get(0).decision());
        assertEquals(0, frames(reject));
        assertEquals(5, frames(data));
    }

    @Test
    void anAnswerForAnotherGroupIsRefused() {
        CullGroup other = new CullGroup(BlinkTree.C8E, Path.of("elsewhere"), List.of());
        assertThrows(IllegalArgumentException.class, () -> runPass1(op(),
                decideOnly(p -> CullPlanner.propose(other, p.pass()))));
        assertTrue(Files.notExists(reject) || noFrames(reject));
    }

    @Test
    void shownMetricsAreReadForEveryFrameButNotJudged() throws IOException {
        List<GroupProposal> asked = new ArrayList<>();
        runPass1(op().withShownMetrics(List.of("hfr", "rmsac", "stars")), p -> {
            asked.add(p);
            return false;
        });

        GroupProposal p = asked.get(0);
        p.group().frames().forEach(f -> assertEquals(900.0, f.metric("stars")));
        assertNull(p.stats().get("stars"), "pass1 does not judge stars");
        assertEquals(3, p.rejects().size());
    }

    private static boolean noFrames(Path root) {
        try {
            return frames(root) == 0;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A decider that only answers through {@link CullOperation.Decider#decide}. */
    private static CullOperation.Decider decideOnly(java.util.function.Function<GroupProposal, GroupProposal> answer) {
        return new CullOperation.Decider() {
            @Override
            public boolean approve(GroupProposal proposal) {
                throw new AssertionError("the window answers through decide");
            }

            @Override
            public GroupProposal decide(GroupProposal proposal) {
                return answer.apply(proposal);
            }
        };
    }
}
