package org.apdm.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apdm.core.calibration.MasterKind;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigLoader;
import org.apdm.core.config.ConfigLocations;
import org.apdm.core.image.ImageData;
import org.apdm.core.image.ImageWriter;
import org.apdm.core.integrate.IntegrateOperation;
import org.apdm.core.integrate.SirilRunner;
import org.apdm.core.integrate.SirilScript;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;

/**
 * {@code apdm calibration integrate}'s overhead on top of Siril's own run (issue 13): one group of raw darks of
 * 6248×4176 16-bit, integrated by apdm (scan, links, Siril, header rewrite, archive into the library) and, as the
 * floor, by siril-cli alone on the same script over links to the same frames. Alternating runs, medians.
 *
 * <pre>java -jar bench/target/apdm-bench.jar integrate [frames=30] [runs=3]   (needs siril-cli on the PATH)</pre>
 */
public final class IntegrateBench {

    private IntegrateBench() {
    }

    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        SirilRunner siril = SirilRunner.find(null, System.getenv());
        Path root = Files.createTempDirectory("apdm-integrate-bench");
        Path group = root.resolve("RAW/DARK/C8E+ZWO ASI2600MM Pro/DATE_2025-03-01/EXP_300.00_SETTEMP_-10.00");
        int w = 6248;
        int h = 4176;
        Random random = new Random(13);
        float[] px = new float[w * h];
        for (int i = 0; i < frames; i++) {
            for (int j = 0; j < px.length; j++) {
                px[j] = 800 + 8 * (float) random.nextGaussian();
            }
            Map<String, Object> hdr = new LinkedHashMap<>();
            hdr.put("IMAGETYP", "DARK");
            hdr.put("EXPOSURE", 300.0);
            hdr.put("INSTRUME", "ZWO ASI2600MM Pro");
            hdr.put("GAIN", 100);
            hdr.put("OFFSET", 50);
            hdr.put("SET-TEMP", -10.0);
            hdr.put("DATE-LOC", String.format(Locale.ROOT, "2025-03-01T19:%02d:00.000", i));
            ImageWriter.write(group.resolve(String.format(Locale.ROOT, "dark_%03d.fits", i)),
                    ImageWriter.fits(new ImageData(w, h, px), 16, hdr));
        }
        System.out.printf(Locale.ROOT, "%d darks of %dx%d 16-bit in %s; Siril %s at %s%n", frames, w, h, group,
                siril.version(), siril.executable());
        long[] apdm = new long[runs];
        long[] inside = new long[runs];
        long[] overhead = new long[runs];
        long[] alone = new long[runs];
        for (int r = 0; r < runs; r++) {
            alone[r] = sirilAlone(siril, group, root.resolve("alone-" + r));
            SirilRunner fresh = new SirilRunner(siril.executable());
            apdm[r] = apdmRun(fresh, root, r);
            inside[r] = fresh.sirilNanos();
            overhead[r] = apdm[r] - inside[r];
            System.out.printf(Locale.ROOT, "run %d: siril alone %,d ms; apdm %,d ms, of which Siril %,d ms, apdm's own "
                    + "%,d ms (%.1f %%)%n", r + 1, alone[r] / 1_000_000, apdm[r] / 1_000_000, inside[r] / 1_000_000,
                    overhead[r] / 1_000_000, 100.0 * overhead[r] / inside[r]);
        }
        double[] pct = new double[runs];
        for (int r = 0; r < runs; r++) {
            pct[r] = 100.0 * overhead[r] / inside[r];
        }
        Arrays.sort(pct);
        System.out.printf(Locale.ROOT, "| %d frames | siril-cli alone %,.0f ms | apdm %,.0f ms | Siril inside apdm %,.0f ms "
                + "| apdm's own %,.0f ms | overhead median %.1f %% (min %.1f, max %.1f) |%n", frames, median(alone) / 1e6,
                median(apdm) / 1e6, median(inside) / 1e6, median(overhead) / 1e6, pct[runs / 2], pct[0], pct[runs - 1]);
        BenchData.deleteTree(root);
    }

    /** The floor: the script apdm writes, run by siril-cli over links to the frames. */
    static long sirilAlone(SirilRunner siril, Path group, Path work) throws Exception {
        Path links = Files.createDirectories(work.resolve("frames"));
        try (var s = Files.list(group)) {
            int i = 0;
            for (Path f : s.sorted().toList()) {
                Files.createSymbolicLink(links.resolve(String.format(Locale.ROOT, "raw_%05d.fits", ++i)), f);
            }
        }
        String script = SirilScript.of(MasterKind.DARK, links, work.resolve("seq"), work.resolve("master"), null,
                ApdmConfig.IntegrateSettings.SIRIL_STACK.get(MasterKind.DARK), siril.version());
        long t = System.nanoTime();
        siril.run(script, work, work.resolve("master.fit"), CancellationToken.none());
        long ns = System.nanoTime() - t;
        BenchData.deleteTree(work);
        return ns;
    }

    /** The whole operation as the command runs it, into a library of its own. */
    static long apdmRun(SirilRunner siril, Path root, int r) throws Exception {
        Path yaml = root.resolve("apdm-" + r + ".yaml");
        Files.writeString(yaml, "roots:\n  raw: RAW\n  data: Data-" + r + "\n  library: Library-" + r + "\nstate_dir: state-" + r
                + "\ncalibration:\n  integrate:\n    min_frames: 5\n");
        Files.createDirectories(root.resolve("Data-" + r));
        ApdmConfig config = ConfigLoader.load(yaml, new ConfigLocations(root.resolve("home/c.yaml"), root.resolve("home/d")),
                Map.of());
        long t = System.nanoTime();
        IntegrateOperation op = new IntegrateOperation(config, new org.apdm.core.fileops.FileEngine(config.engineSettings()),
                Clock.systemDefaultZone());
        IntegrateOperation.Prepared p = op.prepare(new IntegrateOperation.Request(root.resolve("RAW"),
                root.resolve("Library-" + r), root.resolve("Data-" + r), Set.of(), null), ProgressListener.NONE,
                CancellationToken.none());
        IntegrateOperation.Result result = op.execute(p, siril, ProgressListener.NONE, CancellationToken.none());
        long ns = System.nanoTime() - t;
        if (result.made().size() != 1 || !result.failed().isEmpty()) {
            throw new IllegalStateException("apdm made " + result.made() + ", failed " + result.failed());
        }
        BenchData.deleteTree(root.resolve("Library-" + r));
        BenchData.deleteTree(root.resolve("state-" + r));
        return ns;
    }

    static double median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
    }
}
