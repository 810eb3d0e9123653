package org.apdm.gui.blink;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.apdm.core.blink.BlinkOperation;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.cull.CullPass;
import org.apdm.core.image.AnalysisCache;
import org.apdm.core.image.AutoStretch;
import org.apdm.core.image.FrameAnalyzer;
import org.apdm.core.image.ImageData;
import org.apdm.core.image.ImageReader;
import org.apdm.core.image.PixelMetrics;
import org.apdm.core.task.CancellationToken;
import org.apdm.gui.AppContext;

/**
 * The blink page's state: the frames of a folder, the one shown, the decisions. Frames are read, stretched and
 * measured on two background threads, the one shown first and then its neighbours (a window of frames is kept, not
 * the group); decisions show at once and their moves run one after another on a third thread through the core's
 * {@link BlinkOperation}, so the next frame never waits for a move.
 */
public final class BlinkViewModel implements AutoCloseable {

    /** How many frames either side of the shown one are kept decoded. */
    static final int WINDOW = 2;

    /**
     * Frames are kept at about the screen's resolution (every n-th pixel, n = frame width / screen pixels), which is
     * all a fitted frame shows, so the FX thread draws a fraction of a 26 MP frame per step; 1:1 renders the shown
     * frame in full on demand.
     */
    private volatile int screenPixels = 1920;

    /** The metric keys 1–9 sort by, in key order. */
    public static final List<String> SORT_KEYS = List.of("name", "px_hfr", "px_fwhm", "px_eccentricity", "px_stars",
            "px_background", "px_noise", "hfr", "stars");

    /** A decoded frame, ready to show. */
    public record Loaded(Image image, Image thumbnail, String problem) {
    }

    /** One frame of the group and what was decided about it. */
    public static final class Item {
        final Path original;
        volatile Path now;
        final ObjectProperty<BlinkOperation.Verdict> verdict = new SimpleObjectProperty<>();
        final ObjectProperty<PixelMetrics> metrics = new SimpleObjectProperty<>();
        final ObjectProperty<Image> thumbnail = new SimpleObjectProperty<>();
        final Map<String, Double> tokens;

        Item(Path file) {
            this.original = file;
            this.now = file;
            this.tokens = nameTokens(file.getFileName().toString());
        }

        public Path file() {
            return original;
        }

        public String name() {
            return original.getFileName().toString();
        }

        public ObjectProperty<BlinkOperation.Verdict> verdictProperty() {
            return verdict;
        }

        public ObjectProperty<PixelMetrics> metricsProperty() {
            return metrics;
        }

        public ObjectProperty<Image> thumbnailProperty() {
            return thumbnail;
        }

        /** A metric by name: px_* from the pixels, others from N.I.N.A.'s file-name tokens. */
        public Double metric(String name) {
            if (PixelMetrics.isToken(name)) {
                PixelMetrics m = metrics.get();
                return m == null ? null : m.value(name);
            }
            return tokens.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private record Undo(Item item, CompletableFuture<BlinkOperation.Decision> move) {
    }

    private static final Pattern TOKEN = Pattern.compile("_(HFR|STARS|RMSAC|FWHM)_(-?[0-9]+(?:\\.[0-9]+)?)",
            Pattern.CASE_INSENSITIVE);

    private final AppContext context;
    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private final IntegerProperty index = new SimpleIntegerProperty(-1);
    private final ObjectProperty<Image> image = new SimpleObjectProperty<>();
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("Open a folder of 10_Blink (a night, target or filter).");
    private final StringProperty folder = new SimpleStringProperty("");
    private final StringProperty sortedBy = new SimpleStringProperty("name");
    private final Map<Path, CompletableFuture<Loaded>> loaded = new ConcurrentHashMap<>();
    private final Deque<Undo> undo = new ArrayDeque<>();
    private final ExecutorService decode = Executors.newFixedThreadPool(2, daemon("apdm-blink-read"));
    private final ExecutorService moves = Executors.newSingleThreadExecutor(daemon("apdm-blink-move"));
    private BlinkOperation operation;
    private AnalysisCache cache = AnalysisCache.none();
    private List<CullPass.Limit> limits = List.of();
    private long shownAt;
    /** Milliseconds from a step to the frame on screen, of the last step (the page's speed, for the bench). */
    private volatile long lastStepMillis = -1;
    private final javafx.beans.property.BooleanProperty fullResolution =
            new javafx.beans.property.SimpleBooleanProperty(false);

    public BlinkViewModel(AppContext context) {
        this.context = context;
        try {
            javafx.stage.Screen screen = javafx.stage.Screen.getPrimary();
            screenPixels = (int) Math.max(640, screen.getBounds().getWidth() * screen.getOutputScaleX());
        } catch (RuntimeException | Error e) {
            // no screen (a headless toolkit): keep the default
        }
    }

    /** Every how many pixels a frame of this width is kept for the fitted view. */
    int fitStep(int width) {
        return Math.max(1, width / screenPixels);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    static Map<String, Double> nameTokens(String name) {
        Map<String, Double> out = new LinkedHashMap<>();
        Matcher m = TOKEN.matcher(name);
        while (m.find()) {
            out.put(m.group(1).toLowerCase(Locale.ROOT), Double.parseDouble(m.group(2)));
        }
        return out;
    }

    /** Milliseconds from the last step (or open) to its frame being shown; -1 before the first. */
    public long lastStepMillis() {
        return lastStepMillis;
    }

    /** True while the page shows 1:1: the shown frame is then rendered at every pixel. */
    public javafx.beans.property.BooleanProperty fullResolutionProperty() {
        return fullResolution;
    }

    public ObservableList<Item> items() {
        return items;
    }

    public IntegerProperty indexProperty() {
        return index;
    }

    public ObjectProperty<Image> imageProperty() {
        return image;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty folderProperty() {
        return folder;
    }

    public StringProperty sortedByProperty() {
        return sortedBy;
    }

    public Item current() {
        int i = index.get();
        return i >= 0 && i < items.size() ? items.get(i) : null;
    }

    /** Lists the folder's frames in the background and shows the first. */
    public void open(Path dir) {
        ApdmConfig config = context.config();
        if (config == null) {
            status.set("No configuration loaded; set the folders in Settings first.");
            return;
        }
        folder.set(dir.toString());
        operation = new BlinkOperation(config.roots().data(), config.roots().calibrationOrRaw(), config.roots().reject(),
                context.engine(config),
                context.clock());
        cache = new AnalysisCache(config.stateDir());
        limits = limitsFor(config, dir);
        loaded.clear();
        undo.clear();
        status.set("Reading " + dir + " …");
        CompletableFuture.supplyAsync(() -> {
            try {
                return BlinkOperation.frames(dir, CancellationToken.none());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, decode).whenComplete((files, error) -> Platform.runLater(() -> {
            items.clear();
            if (error != null) {
                status.set("Cannot list " + dir + ": " + error.getCause().getMessage());
                return;
            }
            files.forEach(f -> items.add(new Item(f)));
            for (Item it : items) {
                it.metrics.set(cache.get(it.original));
            }
            String note = files.isEmpty() ? "No FITS or XISF frames in " + dir
                    : files.size() + " frames. ←/→ step, Space blink, A accept, X reject, U undo, 1–9 sort.";
            String decidable = files.isEmpty() ? null : operation.problem(files.get(0));
            status.set(decidable == null ? note : note + " " + decidable);
            index.set(-1);
            show(0);
        }));
    }

    private static List<CullPass.Limit> limitsFor(ApdmConfig config, Path dir) {
        try {
            Path rel = config.roots().data().toAbsolutePath().normalize().relativize(dir.toAbsolutePath().normalize());
            if (rel.getNameCount() > 0 && !rel.startsWith("..")) {
                List<CullPass> passes = config.cullPasses(rel.getName(0).toString());
                return passes.isEmpty() ? List.of() : passes.get(0).limits();
            }
        } catch (RuntimeException e) {
            // another drive or no rig: no limits to show
        }
        return List.of();
    }

    /** The overlay text of the shown frame: metrics, and the group's limits next to them. */
    public String overlay() {
        Item it = current();
        if (it == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(index.get() + 1).append(" / ").append(items.size()).append("   ").append(it.name()).append('\n');
        PixelMetrics m = it.metrics.get();
        if (m != null) {
            sb.append(String.format(Locale.ROOT, "px: stars %d  HFR %s  FWHM %s  ecc %s  bg %.0f  noise %.1f%n",
                    m.stars(), f(m.hfr()), f(m.fwhm()), f(m.eccentricity()), m.background(), m.noise()));
        } else {
            sb.append("px: measuring…\n");
        }
        if (!it.tokens.isEmpty()) {
            sb.append("N.I.N.A.:");
            it.tokens.forEach((k, v) -> sb.append("  ").append(k.toUpperCase(Locale.ROOT)).append(' ').append(f(v)));
            sb.append('\n');
        }
        if (!limits.isEmpty()) {
            sb.append("limits:");
            for (CullPass.Limit l : limits) {
                Double v = it.metric(l.metric());
                boolean broken = v != null && (l.max() != null && v > l.max() || l.min() != null && v < l.min());
                sb.append("  ").append(l.metric()).append(l.max() != null ? " ≤ " + f(l.max()) : " ≥ " + f(l.min()))
                        .append(broken ? " ✗" : v == null ? "" : " ✓");
            }
            sb.append('\n');
        }
        if (it.verdict.get() != null) {
            sb.append(it.verdict.get() == BlinkOperation.Verdict.ACCEPTED ? "ACCEPTED" : "REJECTED");
        }
        return sb.toString();
    }

    private static String f(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    public void next() {
        show(index.get() + 1);
    }

    public void previous() {
        show(index.get() - 1);
    }

    /** Steps forward and wraps at the end (Space blinking). */
    public void blinkStep() {
        if (!items.isEmpty()) {
            show((index.get() + 1) % items.size());
        }
    }

    public void show(int i) {
        if (i < 0 || i >= items.size()) {
            return;
        }
        index.set(i);
        shownAt = System.nanoTime();
        Item it = items.get(i);
        CompletableFuture<Loaded> f = load(it);
        Loaded done = f.getNow(null);
        if (done != null) {
            display(it, done);
        } else {
            f.thenAccept(l -> Platform.runLater(() -> {
                if (current() == it) {
                    display(it, l);
                }
            }));
        }
        prefetch(i);
    }

    private void display(Item it, Loaded l) {
        image.set(l.image());
        problem.set(l.problem() == null ? "" : l.problem());
        lastStepMillis = (System.nanoTime() - shownAt) / 1_000_000;
        if (fullResolution.get() && l.problem() == null) {
            showFull(it);
        }
    }

    /** The shown frame at every pixel, for 1:1; replaces the fitted image when it is ready and still shown. */
    void showFull(Item it) {
        CompletableFuture.supplyAsync(() -> {
            try {
                return toImage(AutoStretch.render(ImageReader.read(it.now), 1));
            } catch (java.io.IOException | RuntimeException e) {
                return null;
            }
        }, decode).thenAccept(img -> Platform.runLater(() -> {
            if (img != null && current() == it && fullResolution.get()) {
                image.set(img);
            }
        }));
    }

    private static WritableImage toImage(AutoStretch.Rendered r) {
        WritableImage img = new WritableImage(r.width(), r.height());
        img.getPixelWriter().setPixels(0, 0, r.width(), r.height(), PixelFormat.getIntArgbInstance(), r.argb(), 0,
                r.width());
        return img;
    }

    private void prefetch(int i) {
        for (int d = 1; d <= WINDOW; d++) {
            if (i + d < items.size()) {
                load(items.get(i + d));
            }
            if (i - d >= 0) {
                load(items.get(i - d));
            }
        }
        // memory stays bounded: frames outside the window are let go
        java.util.Set<Path> keep = new java.util.HashSet<>();
        for (int k = Math.max(0, i - WINDOW); k <= Math.min(items.size() - 1, i + WINDOW); k++) {
            keep.add(items.get(k).original);
        }
        loaded.keySet().removeIf(p -> !keep.contains(p));
    }

    private CompletableFuture<Loaded> load(Item it) {
        return loaded.computeIfAbsent(it.original, p -> CompletableFuture.supplyAsync(() -> decode(it), decode));
    }

    /** Read, stretch, thumbnail and (when not cached) measure: all off the FX thread. */
    private Loaded decode(Item it) {
        try {
            ImageData data = ImageReader.read(it.now);
            AutoStretch.Rendered fit = AutoStretch.render(data, fitStep(data.width()));
            WritableImage img = toImage(fit);
            Image thumb = it.thumbnail.get() != null ? it.thumbnail.get() : thumbnail(fit);
            Platform.runLater(() -> it.thumbnail.set(thumb));
            if (it.metrics.get() == null) {
                CompletableFuture.runAsync(() -> {
                    PixelMetrics m = FrameAnalyzer.analyze(data).metrics();
                    cache.put(it.now, m);
                    Platform.runLater(() -> it.metrics.set(m));
                }, decode);
            }
            return new Loaded(img, thumb, null);
        } catch (java.io.IOException | RuntimeException e) {
            return new Loaded(null, null, "Cannot show this frame: " + e.getMessage());
        }
    }

    private static Image thumbnail(AutoStretch.Rendered full) {
        int step = Math.max(1, full.width() / 120);
        int w = full.width() / step;
        int h = full.height() / step;
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                px[y * w + x] = full.argb()[(y * step) * full.width() + x * step];
            }
        }
        WritableImage img = new WritableImage(w, h);
        img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
        return img;
    }

    public void accept() {
        decide(BlinkOperation.Verdict.ACCEPTED);
    }

    public void reject() {
        decide(BlinkOperation.Verdict.REJECTED);
    }

    private void decide(BlinkOperation.Verdict v) {
        Item it = current();
        if (it == null || it.verdict.get() != null) {
            return;
        }
        String p = operation.problem(it.original);
        if (p != null) {
            status.set(p);
            return;
        }
        it.verdict.set(v);
        Map<String, Double> metrics = new LinkedHashMap<>();
        PixelMetrics m = it.metrics.get();
        if (m != null) {
            for (String t : PixelMetrics.TOKENS) {
                Double x = m.value(t);
                if (x != null) {
                    metrics.put(t, x);
                }
            }
        }
        metrics.putAll(it.tokens);
        CompletableFuture<BlinkOperation.Decision> move = CompletableFuture.supplyAsync(() -> {
            try {
                return v == BlinkOperation.Verdict.ACCEPTED ? operation.accept(it.original)
                        : operation.reject(it.original, metrics);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, moves);
        move.whenComplete((d, error) -> Platform.runLater(() -> {
            if (error != null) {
                it.verdict.set(null);
                status.set("Not moved: " + rootCause(error));
            } else {
                it.now = d.now();
                status.set((v == BlinkOperation.Verdict.ACCEPTED ? "Accepted " : "Rejected ") + it.name());
            }
        }));
        undo.push(new Undo(it, move));
        next();
    }

    /** Takes back the last decision: the frame moves back where it was, and is shown again. */
    public void undo() {
        Undo u = undo.poll();
        if (u == null) {
            status.set("Nothing to undo.");
            return;
        }
        Item it = u.item();
        u.move().thenAcceptAsync(d -> {
            try {
                operation.undo(d);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, moves).whenComplete((x, error) -> Platform.runLater(() -> {
            if (error != null) {
                status.set("Undo failed: " + rootCause(error));
                return;
            }
            it.now = it.original;
            it.verdict.set(null);
            status.set("Undone: " + it.name() + " is back where it was");
        }));
        int i = items.indexOf(it);
        if (i >= 0) {
            show(i);
        }
    }

    private static String rootCause(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** Sorts by the metric of key 1–9; frames without a value go last; the shown frame stays shown. */
    public void sortBy(int key) {
        if (key < 1 || key > SORT_KEYS.size()) {
            return;
        }
        String metric = SORT_KEYS.get(key - 1);
        Item shown = current();
        Comparator<Item> c;
        if (metric.equals("name")) {
            c = Comparator.comparing(Item::name);
        } else {
            boolean descending = metric.endsWith("stars");
            Comparator<Double> values = descending ? Comparator.<Double>reverseOrder() : Comparator.<Double>naturalOrder();
            c = Comparator.comparing((Item it) -> it.metric(metric), Comparator.nullsLast(values));
        }
        FXCollections.sort(items, c);
        sortedBy.set(metric);
        if (shown != null) {
            index.set(items.indexOf(shown));
        }
    }

    /** Whether all moves asked for so far have finished (tests and the window's close). */
    public boolean movesIdle() {
        return undo.stream().allMatch(u -> u.move().isDone());
    }

    @Override
    public void close() {
        decode.shutdownNow();
        moves.shutdown();
    }
}
