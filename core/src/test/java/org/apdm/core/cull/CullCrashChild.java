package org.apdm.core.cull;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigLocations;
import org.apdm.core.config.ConfigResolver;
import org.apdm.core.fileops.EngineSettings;
import org.apdm.core.fileops.FileEngine;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;

/** Runs a cull in a child JVM and halts it at the n-th engine point (0: run to the end, print PROBES=n). */
public final class CullCrashChild {

    public static void main(String[] args) throws Exception {
        Path state = Path.of(args[0]);
        Path data = Path.of(args[1]);
        Path reject = Path.of(args[2]);
        int killAt = Integer.parseInt(args[3]);
        AtomicInteger count = new AtomicInteger();
        FileEngine engine = new FileEngine(EngineSettings.of(state).withIntentsPerFlush(2).withProbe(point -> {
            if (count.incrementAndGet() == killAt) {
                Runtime.getRuntime().halt(99);
            }
        }));
        new CullOperation(config(state), engine, Clock.systemUTC()).run(request(data, reject), p -> true,
                ProgressListener.NONE, CancellationToken.none());
        System.out.println("PROBES=" + count.get());
    }

    static ApdmConfig config(Path state) throws Exception {
        return ConfigResolver.resolve(null, null, new ConfigLocations(state.resolve("c.yaml"), state), Map.of())
                .withStateDir(state);
    }

    static CullOperation.Request request(Path data, Path reject) {
        CullPass pass = new CullPass("crash", List.of(new CullPass.Limit("hfr", 4.0, null)), List.of(), 100);
        return new CullOperation.Request(data, reject, List.of(), null, List.of(pass), false);
    }
}
