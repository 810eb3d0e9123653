package org.apdm.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigLoader;
import org.apdm.core.config.ConfigLocations;
import org.apdm.core.fileops.EngineSettings;
import org.apdm.core.fileops.FileEngine;
import org.apdm.core.ingest.IngestOperation;
import org.apdm.core.inventory.DesiredFrames;
import org.apdm.core.inventory.InventoryScan;
import org.apdm.core.inventory.InventoryScanner;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.apdm.gui.AppContext;
import org.apdm.gui.ApdmApplication;
import org.apdm.gui.dashboard.ArchiveFolder;
import org.apdm.gui.dashboard.ArchiveSummary;
import org.apdm.gui.dashboard.DashboardModel;
import org.apdm.gui.dashboard.DashboardView;
import org.apdm.gui.dashboard.DashboardViewModel;
import org.apdm.gui.dashboard.InventorySummarySource;
import org.apdm.gui.dashboard.WorkspaceFacts;
import org.apdm.gui.ingest.IngestView;
import org.apdm.gui.operation.OperationFlow;
import org.apdm.gui.shell.Navigator;

/**
 * The window's two figures, measured in a real window (run it under Xvfb, see docs/benchmarks.md), not a JMH group:
 * JMH forks cannot host one JavaFX toolkit across iterations, and what is measured is wall time on the FX thread.
 *
 * <ul>
 *   <li>{@code dashboard}: an archive shaped like the user's (80,000 frames, 2,300 folders, 19 rigs, 262 targets).
 *       From the moment the inventory hands over its result to the first laid-out frame with the tree filled:
 *       the work queue, completion and model built on the worker, then shown on the FX thread. Target: under 2 s.
 *       The core inventory over the same tree (80,000 empty files) is timed too, for scale.</li>
 *   <li>{@code ingest}: 2,000 N.I.N.A. frames planned and moved through the ingest page while a pulse timer records
 *       every gap between frames of the FX thread. Target: no gap over 100 ms. Floors in the same run: the gaps of the
 *       idle window over the same time, and the core's ingest of the same frames without a window.</li>
 *   <li>{@code blink}: a night of 6248×4176 16-bit lights (ASI2600MM) on the blink page: open to the first frame
 *       shown (target < 500 ms), each step to the next frame after the user looked at one for a second (target <
 *       100 ms, the neighbours prefetched), the longest FX-thread gap meanwhile (target < 100 ms) and the heap after
 *       the steps (bounded by the window of frames). Floor in the same run: a plain read of the same file, and the
 *       read plus the stretch.</li>
 * </ul>
 * <pre>java -jar bench/target/apdm-bench.jar gui [runs [dashboard|ingest|blink]]</pre>
 */
public final class GuiBench {

    private GuiBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String only = args.length > 1 ? args[1] : "";
        Path tmp = Files.createTempDirectory("apdm-guibench");
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        Platform.setImplicitExit(false);
        try {
            if (only.isEmpty() || only.equals("dashboard")) {
                dashboard(tmp.resolve("dash"), runs);
            }
            if (only.isEmpty() || only.equals("ingest")) {
                ingest(tmp.resolve("ingest"), runs);
            }
            if (only.isEmpty() || only.equals("blink")) {
                blink(tmp.resolve("blink"), runs);
            }
        } finally {
            BenchData.deleteTree(tmp);
            Platform.exit();
        }
    }

    // ---- dashboard ----

    static final String[] OPTICS = {"C8E", "SQA55", "R135", "RC8", "TMB130", "Redcat51", "EdgeHD11", "FSQ106", "Esprit100", "AT115EDT"};
    static final String[] CAMERAS = {"ZWO ASI2600MM Pro", "ATR585M", "AP26CC"};
    static final String[] STAGES = {"10_Blink", "20_Data", "20_Data", "30_Master", "40_Process", "50_Bake", "60_Done", "60_Done", "60_Done"};
    static final String[] FILTERS = {"L", "R", "G", "B", "H", "O", "S"};

    /** 80,000 frames in 2,300 folders: 19 rigs, 262 targets, nights of several filters, as in the user's archive. */
    static ArchiveSummary userSizedArchive(Path data) {
        List<ArchiveFolder> folders = new ArrayList<>();
        int frames = 0;
        for (int f = 0; f < 2300; f++) {
            int target = f % 262;
            int rig = target % 19;
            String rigName = OPTICS[rig % OPTICS.length] + "@f" + (4 + rig % 7) + ".0+" + CAMERAS[rig % CAMERAS.length]
                    + (rig >= OPTICS.length ? " " + rig : "");
            String stage = STAGES[target % STAGES.length];
            int n = f < 1800 ? 35 : 34;
            frames += n;
            String night = String.format(Locale.ROOT, "20%02d-%02d-%02d", 21 + f % 5, 1 + f % 12, 1 + f % 28);
            String filter = FILTERS[f % FILTERS.length];
            Path folder = data.resolve(rigName).resolve(stage).resolve("Target " + target).resolve("accept")
                    .resolve("DATE_" + night).resolve("FILTER_" + filter + "_EXP_300.00");
            folders.add(new ArchiveFolder(rigName, stage, "Target " + target, null, night, filter, "300.00", folder, n,
                    n * 300 / 3600.0, !stage.equals("10_Blink") || f % 3 == 0, f % 4 != 0, f % 5 != 0, true));
        }
        if (frames != 80_000) {
            throw new IllegalStateException("archive has " + frames + " frames");
        }
        return new ArchiveSummary(data, folders, List.of(), List.of());
    }

    static void dashboard(Path tmp, int runs) throws Exception {
        Path data = tmp.resolve("Data");
        ArchiveSummary summary = userSizedArchive(data);
        long t = System.nanoTime();
        for (ArchiveFolder f : summary.folders()) {
            Files.createDirectories(f.folder());
            for (int i = 0; i < f.frames(); i++) {
                Files.createFile(f.folder().resolve(String.format(Locale.ROOT, "%s_%02d-%02d-00_HFR_2.50.fits", f.night(), 20 + i / 60, i % 60)));
            }
        }
        System.out.printf(Locale.ROOT, "generated 80,000 empty frames in %d folders in %.1f s%n", summary.folders().size(),
                (System.nanoTime() - t) / 1e9);
        Path configFile = tmp.resolve("apdm.yaml");
        Files.writeString(configFile, "roots:\n  data: Data\nstate_dir: state\n", StandardCharsets.UTF_8);
        AppContext context = new AppContext(options(tmp, configFile));
        ApdmConfig config = context.loadConfig();
        // every target plans 50 frames of each filter, so every target's completion is computed against plans
        DesiredFrames desired = (rig, target) -> Arrays.stream(FILTERS).map(f -> new DesiredFrames.Desired(f, "", 50, 300))
                .toList();
        DashboardViewModel vm = onFx(() -> new DashboardViewModel(context, Navigator.NONE));
        Stage stage = onFx(() -> show(new DashboardView(vm).node()));
        double[] ready = new double[runs];
        double[] model = new double[runs];
        double[] scan = new double[runs];
        double[] stall = new double[runs];
        double[] showMs = new double[runs];
        double[] dashBusy = new double[runs];
        for (int r = 0; r < runs; r++) {
            long s0 = System.nanoTime();
            InventoryScan inventory = new InventoryScanner(config).scan(data, InventoryScanner.Options.STATUS,
                    ProgressListener.NONE, CancellationToken.none());
            scan[r] = (System.nanoTime() - s0) / 1e6;
            if (inventory.inventory().frames() != 80_000) {
                throw new IllegalStateException("the inventory counted " + inventory.inventory().frames() + " frames");
            }
            PulseRecorder pulses = onFx(() -> new PulseRecorder().begin());
            // the inventory has just handed over its result: the worker plans the queue and completion and builds the
            // model, the FX thread shows it
            long t0 = System.nanoTime();
            ArchiveSummary scanned = InventorySummarySource.summarize(inventory, config, desired, new ArrayList<>(),
                    java.time.Instant.now());
            if (scanned.planned().size() != 262) {
                throw new IllegalStateException("completion against plans for " + scanned.planned().size() + " targets");
            }
            DashboardModel m = DashboardModel.of(scanned, WorkspaceFacts.NONE, rig -> List.of("L", "R", "G", "B", "H", "O", "S"));
            DashboardViewModel.Tree tree = DashboardViewModel.buildTree(m, "", DashboardViewModel.ALL, DashboardViewModel.ALL);
            model[r] = (System.nanoTime() - t0) / 1e6;
            CompletableFuture<Long> laidOut = new CompletableFuture<>();
            int r0 = r;
            Platform.runLater(() -> {
                Runnable[] once = new Runnable[1];
                once[0] = () -> {
                    // ready: totals, the rig × stage overview and the tree all laid out
                    javafx.scene.layout.Pane totals = (javafx.scene.layout.Pane) stage.getScene().lookup("#totals");
                    if (totals != null && !totals.getChildren().isEmpty() && vm.treeProperty().get().getChildren().size() == 19) {
                        stage.getScene().removePostLayoutPulseListener(once[0]);
                        laidOut.complete(System.nanoTime());
                    } else {
                        Platform.requestNextPulse();
                    }
                };
                long s1 = System.nanoTime();
                vm.show(m, tree);
                showMs[r0] = (System.nanoTime() - s1) / 1e6;
                stage.getScene().addPostLayoutPulseListener(once[0]);
                Platform.requestNextPulse();
            });
            long t1 = laidOut.get(60, TimeUnit.SECONDS);
            ready[r] = (t1 - t0) / 1e6;
            Thread.sleep(300);
            dashBusy[r] = onFx(pulses::maxBusy);
            stall[r] = onFx(pulses::end).max();
            int shown = onFx(() -> vm.treeProperty().get().getChildren().size());
            if (shown != 19) {
                throw new IllegalStateException("the tree shows " + shown + " rigs");
            }
            onFx(() -> {
                vm.show(new DashboardModel(data, List.of(), List.of(), List.of(), List.of(), new DashboardModel.Totals(0, 0, 0, 0)));
                return null;
            });
            Thread.sleep(100);
            onFx(() -> {
                ((javafx.scene.layout.Pane) stage.getScene().lookup("#totals")).getChildren().clear();
                return null;
            });
            Thread.sleep(200);
        }
        onFx(() -> {
            stage.close();
            return null;
        });
        context.close();
        System.out.println();
        System.out.println("| dashboard, 80,000 frames in 2,300 folders | median ms | min | max |");
        System.out.println("|---|---|---|---|");
        row("core inventory (InventoryScanner, as apdm status; 80,000 empty files)", scan);
        row("work queue, completion, model and tree on the worker (summarize, DashboardModel.of, buildTree)", model);
        row("view model takes them on the FX thread (DashboardViewModel.show)", showMs);
        row("inventory done → tree laid out on screen (target < 2,000)", ready);
        row("longest gap between FX frames while showing it", stall);
        row("most CPU the FX thread itself used between two frames", dashBusy);
    }

    // ---- ingest ----

    static void ingest(Path tmp, int runs) throws Exception {
        double[] idleMax = new double[runs];
        double[] maxBusy = new double[runs];
        double[] maxGap = new double[runs];
        double[] p99Gap = new double[runs];
        double[] windowMs = new double[runs];
        double[] coreMs = new double[runs];
        long[] moved = new long[runs];
        for (int r = 0; r < runs; r++) {
            Path run = tmp.resolve("run" + r);
            Path raw = run.resolve("RAW");
            BenchData.generate(raw, 2000, 42 + r);
            Path config = run.resolve("apdm.yaml");
            Files.writeString(config, "roots:\n  raw: RAW\n  data: Data\n  reject: Reject\nstate_dir: state\n", StandardCharsets.UTF_8);
            AppContext context = new AppContext(options(run, config));
            ApdmConfig c = context.loadConfig();
            onFx(() -> {
                context.configProperty().set(c);
                return null;
            });
            IngestView view = onFx(() -> new IngestView(context));
            Stage stage = onFx(() -> show(view.node()));
            Thread.sleep(500);

            PulseRecorder idle = onFx(() -> new PulseRecorder().begin());
            Thread.sleep(2000);
            idleMax[r] = onFx(idle::end).max();

            OperationFlow<?> flow = view.flow();
            PulseRecorder busy = onFx(() -> {
                PulseRecorder pr = new PulseRecorder();
                pr.label = () -> flow.stageProperty().get().name();
                return pr.begin();
            });
            long t0 = System.nanoTime();
            onFx(() -> {
                flow.plan();
                return null;
            });
            waitFor(() -> onFxQuiet(() -> flow.stageProperty().get() == OperationFlow.Stage.PLANNED));
            onFx(() -> {
                flow.approve();
                return null;
            });
            waitFor(() -> onFxQuiet(() -> flow.stageProperty().get() == OperationFlow.Stage.DONE));
            Thread.sleep(200);
            windowMs[r] = (System.nanoTime() - t0) / 1e6 - 200;
            maxBusy[r] = onFx(busy::maxBusy);
            if (System.getProperty("apdm.bench.detail") != null) {
                System.out.print(onFx(() -> busy.busiest(5)));
            }
            PulseRecorder.Gaps gaps = onFx(busy::end);
            maxGap[r] = gaps.max();
            p99Gap[r] = gaps.percentile(99);
            moved[r] = onFx(() -> flow.resultProperty().get().counts().done());
            onFx(() -> {
                stage.close();
                return null;
            });
            context.close();

            // the floor: the same 2,000 frames through the core alone, no window
            Path again = tmp.resolve("core" + r);
            BenchData.generate(again.resolve("RAW"), 2000, 42 + r);
            ApdmConfig cc = c.withRoots(new ApdmConfig.Roots(again.resolve("RAW"), again.resolve("Data"), null,
                    again.resolve("Reject"), null, null, null)).withStateDir(again.resolve("state"));
            long t1 = System.nanoTime();
            IngestOperation op = new IngestOperation(cc, new FileEngine(EngineSettings.of(cc.stateDir())));
            IngestOperation.Prepared p = op.prepare(new IngestOperation.Request(again.resolve("RAW"), again.resolve("Data"),
                    again.resolve("RAW")), ProgressListener.NONE, CancellationToken.none());
            op.preview(p);
            op.execute(p, ProgressListener.NONE, CancellationToken.none());
            coreMs[r] = (System.nanoTime() - t1) / 1e6;
            BenchData.deleteTree(run);
            BenchData.deleteTree(again);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "| ingest of 2,000 frames through the window (%d moved per run) | median ms | min | max |%n", moved[0]);
        System.out.println("|---|---|---|---|");
        row("longest FX-thread gap, idle window (floor)", idleMax);
        row("longest FX-thread gap during plan + run + result (target < 100)", maxGap);
        row("99th percentile FX-thread gap during plan + run + result", p99Gap);
        row("most CPU the FX thread itself used between two frames", maxBusy);
        row("plan + preview + run in the window", windowMs);
        row("the same through the core, no window (floor)", coreMs);
        System.out.printf(Locale.ROOT, "window / core time: %.2f%n", median(windowMs) / median(coreMs));
    }

    // ---- blink ----

    static void blink(Path tmp, int runs) throws Exception {
        int frames = 12;
        int steps = 8;
        Path night = tmp.resolve("Data/C8E@f10.0+ZWO ASI2600MM Pro/10_Blink/M 31/DATE_2025-03-01/FILTER_L_EXP_300.00");
        Files.createDirectories(night);
        Path first = night.resolve("2025-03-01_22-00-00_HFR_2.10.fits");
        org.apdm.core.image.ImageWriter.write(first, org.apdm.core.image.ImageWriter.fits(
                org.apdm.core.image.StarField.generate(AnalyzeBenchmark.spec()).image(), 16, Map.of("IMAGETYP", "LIGHT")));
        for (int i = 1; i < frames; i++) {
            Files.copy(first, night.resolve(String.format(Locale.ROOT, "2025-03-01_22-%02d-00_HFR_2.10.fits", i * 5)));
        }
        Path config = tmp.resolve("apdm.yaml");
        Files.writeString(config, "roots:\n  data: Data\n  reject: Reject\nstate_dir: state\n", StandardCharsets.UTF_8);
        double[] read = new double[runs];
        double[] readStretch = new double[runs];
        double[] open = new double[runs];
        double[] step = new double[runs];
        double[] worstStep = new double[runs];
        double[] gap = new double[runs];
        double[] heap = new double[runs];
        double[] busy = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t = System.nanoTime();
            org.apdm.core.image.ImageData d = org.apdm.core.image.ImageReader.read(first);
            read[r] = (System.nanoTime() - t) / 1e6;
            org.apdm.core.image.AutoStretch.render(d, 1);
            readStretch[r] = (System.nanoTime() - t) / 1e6;
            d = null;

            AppContext context = new AppContext(options(tmp.resolve("run" + r), config));
            ApdmConfig c = context.loadConfig();
            onFx(() -> {
                context.configProperty().set(c);
                return null;
            });
            org.apdm.gui.blink.BlinkViewModel vm = onFx(() -> new org.apdm.gui.blink.BlinkViewModel(context));
            org.apdm.gui.blink.BlinkView view = onFx(() -> new org.apdm.gui.blink.BlinkView(vm));
            Stage stage = onFx(() -> show(view.node()));
            Thread.sleep(500);
            PulseRecorder pulses = onFx(() -> new PulseRecorder().begin());
            long o = System.nanoTime();
            onFx(() -> {
                vm.open(night);
                return null;
            });
            waitFor(() -> onFxQuiet(() -> vm.imageProperty().get() != null));
            open[r] = (System.nanoTime() - o) / 1e6;
            double[] s = new double[steps];
            for (int k = 0; k < steps; k++) {
                Thread.sleep(1000); // the user looks at the frame; the neighbours are read meanwhile
                javafx.scene.image.Image before = onFx(() -> vm.imageProperty().get());
                long st = System.nanoTime();
                onFx(() -> {
                    vm.next();
                    return null;
                });
                waitFor(() -> onFxQuiet(() -> vm.imageProperty().get() != before));
                s[k] = (System.nanoTime() - st) / 1e6;
            }
            step[r] = median(s);
            worstStep[r] = Arrays.stream(s).max().orElse(0);
            busy[r] = onFx(pulses::maxBusy);
            if (System.getProperty("apdm.bench.detail") != null) {
                System.out.print(onFx(() -> pulses.busiest(3)));
            }
            gap[r] = onFx(pulses::end).max();
            System.out.printf(Locale.ROOT, "run %d: open %.0f ms, steps median %.0f ms, longest FX gap %.0f ms, most FX CPU "
                    + "between two frames %.0f ms%n", r + 1, open[r], step[r], gap[r], busy[r]);
            System.gc();
            heap[r] = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1048576.0;
            onFx(() -> {
                stage.close();
                vm.close();
                return null;
            });
            context.close();
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "| blink page, %d frames of 6248x4176 16-bit, %d steps per run | median | min | max |%n",
                frames, steps);
        System.out.println("|---|---|---|---|");
        row("plain read of one frame, ms (floor)", read);
        row("read + stretch of one frame, ms (floor)", readStretch);
        row("open the night to the first frame shown, ms (target < 500)", open);
        row("step to the next frame shown, median of the run, ms (target < 100)", step);
        row("slowest step of the run, ms", worstStep);
        row("longest FX-thread gap from open to the last step, ms (target < 100)", gap);
        row("most CPU the FX thread itself used between two frames, ms", busy);
        row("heap in use after the steps, MB (window of 5 frames)", heap);
        System.out.printf(Locale.ROOT, "fitted frames kept at every %d-th pixel for this screen%n",
                Math.max(1, 6248 / (int) Math.max(640, onFx(() -> javafx.stage.Screen.getPrimary().getBounds().getWidth()))));
    }

    // ---- helpers ----

    static AppContext.Options options(Path tmp, Path config) {
        return new AppContext.Options(config, new ConfigLocations(tmp.resolve("user").resolve("config.yaml"), tmp.resolve("user")),
                Map.of(), Clock.systemDefaultZone(), AppContext.EngineFactory.STANDARD,
                new InventorySummarySource(Clock.systemDefaultZone()));
    }

    static Stage show(javafx.scene.Node node) {
        Stage stage = new Stage();
        Scene scene = new Scene(new javafx.scene.layout.StackPane(node), 1360, 860);
        scene.getStylesheets().add(ApdmApplication.stylesheet());
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    /** Records the time between consecutive frames of the FX thread. */
    static final class PulseRecorder extends AnimationTimer {
        record Gaps(double[] millis) {
            double max() {
                return Arrays.stream(millis).max().orElse(0);
            }

            double percentile(double p) {
                if (millis.length == 0) {
                    return 0;
                }
                double[] s = millis.clone();
                Arrays.sort(s);
                return s[Math.min(s.length - 1, (int) Math.ceil(p / 100 * s.length) - 1)];
            }
        }

        private final List<Double> gaps = new ArrayList<>();
        private final List<Double> busy = new ArrayList<>();
        private final List<String> labels = new ArrayList<>();
        java.util.function.Supplier<String> label = () -> "";
        private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        private long last;
        private long lastCpu;

        PulseRecorder begin() {
            start();
            return this;
        }

        @Override
        public void handle(long now) {
            long cpu = threads.getCurrentThreadCpuTime();
            if (last != 0) {
                gaps.add((now - last) / 1e6);
                busy.add((cpu - lastCpu) / 1e6);
                labels.add(label.get());
            }
            last = now;
            lastCpu = cpu;
        }

        /** The busiest frames with what the window was doing, for finding the cause. */
        String busiest(int n) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < busy.size(); i++) {
                idx.add(i);
            }
            idx.sort((a, b) -> Double.compare(busy.get(b), busy.get(a)));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < Math.min(n, idx.size()); i++) {
                int k = idx.get(i);
                sb.append(String.format(Locale.ROOT, "  busy %.0f ms, gap %.0f ms, during %s%n", busy.get(k), gaps.get(k), labels.get(k)));
            }
            return sb.toString();
        }

        /** CPU time the FX thread itself used between two frames: its own work, without time lost waiting for a core. */
        double maxBusy() {
            return busy.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }

        Gaps end() {
            stop();
            return new Gaps(gaps.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(120, TimeUnit.SECONDS);
    }

    static boolean onFxQuiet(java.util.concurrent.Callable<Boolean> c) {
        try {
            return onFx(c);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(20);
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static void row(String name, double[] v) {
        System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f |%n", name, median(v), Arrays.stream(v).min().orElse(0),
                Arrays.stream(v).max().orElse(0));
    }
}
