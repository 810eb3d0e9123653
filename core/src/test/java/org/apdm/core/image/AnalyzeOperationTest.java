package org.apdm.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.apdm.core.task.CancellationToken;
import org.apdm.core.task.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeOperationTest {

    @TempDir
    Path tmp;

    Path frame(String name, double fwhm, long seed) throws Exception {
        StarField.Spec s = new StarField.Spec(256, 192, StarField.Profile.GAUSSIAN, fwhm, fwhm, 0, 4.765, 40, 2000,
                20000, 1000, 0, 20, 0, seed);
        Path f = tmp.resolve("frames").resolve(name);
        ImageWriter.write(f, ImageWriter.fits(StarField.generate(s).image(), 16, Map.of()));
        return f;
    }

    @Test
    void measuresOnceAndAgainOnlyWhenTheFileChanged() throws Exception {
        Path a = frame("a.fits", 3, 1);
        Path b = frame("b.fits", 4, 2);
        AnalyzeOperation op = new AnalyzeOperation(new AnalysisCache(tmp.resolve("state")));
        List<Path> files = AnalyzeOperation.frames(List.of(tmp.resolve("frames")), CancellationToken.none());
        assertEquals(List.of(a, b), files);
        AnalyzeOperation.Result first = op.run(files, ProgressListener.NONE, CancellationToken.none());
        assertEquals(3.0, first.frames().get(0).metrics().fwhm(), 0.15);
        assertEquals(4.0, first.frames().get(1).metrics().fwhm(), 0.2);
        assertFalse(first.frames().get(0).cached());

        // a new run (a new process) reads the file in the state folder
        AnalyzeOperation again = new AnalyzeOperation(new AnalysisCache(tmp.resolve("state")));
        Files.setLastModifiedTime(b, FileTime.fromMillis(Files.getLastModifiedTime(b).toMillis() + 5000));
        AnalyzeOperation.Result second = again.run(files, ProgressListener.NONE, CancellationToken.none());
        assertTrue(second.frames().get(0).cached());
        assertFalse(second.frames().get(1).cached(), "a touched file is measured again");
        assertEquals(first.frames().get(0).metrics(), second.frames().get(0).metrics());
    }

    @Test
    void aBrokenFrameIsListedAndTheOthersAreMeasured() throws Exception {
        Path good = frame("good.fits", 3, 3);
        Path bad = tmp.resolve("frames").resolve("bad.xisf");
        Files.write(bad, "XISF0100 not really".getBytes());
        AnalyzeOperation.Result r = new AnalyzeOperation(AnalysisCache.none())
                .run(List.of(bad, good), ProgressListener.NONE, CancellationToken.none());
        assertEquals(1, r.frames().size());
        assertEquals(good, r.frames().get(0).file());
        assertEquals(1, r.unreadable().size());
        assertTrue(r.unreadable().get(0).reason().startsWith("bad.xisf: "), r.unreadable().get(0).reason());
        assertTrue(Files.exists(bad));
    }

    @Test
    void aCacheLineCutShortByACrashIsIgnored() throws Exception {
        Path a = frame("a.fits", 3, 1);
        Path state = Files.createDirectories(tmp.resolve("state"));
        AnalysisCache c = new AnalysisCache(state);
        c.put(a, new PixelMetrics(10, 2.0, 3.0, 0.1, 1000, 20));
        Files.writeString(c.file(), "{\"path\":\"/x\",\"si", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(10, new AnalysisCache(state).get(a).stars());
    }
}
