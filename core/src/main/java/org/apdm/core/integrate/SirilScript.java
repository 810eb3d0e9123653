package org.apdm.core.integrate;

import java.nio.file.Path;
import org.apdm.core.calibration.MasterKind;

/**
 * The Siril script (.ssf, Siril 1.0 and later) that stacks one group with the configured {@code stack} arguments
 * (by default those of Siril's own preprocessing scripts); flats are first calibrated with the master bias. {@code convert} links the
 * raw frames into the work folder, so Siril never writes next to them. Pure.
 */
public final class SirilScript {

    private SirilScript() {
    }

    /**
     * @param frames the folder holding (links to) the group's raw frames, and nothing else
     * @param work   Siril's working folder for its sequence files
     * @param output the master, without extension (Siril adds {@code .fit})
     * @param bias   the master bias a flat is calibrated with, or null
     * @param stack  the arguments of {@code stack} after the sequence name ({@code calibration.integrate.stack})
     * @param siril  the version running it: 1.2 renamed {@code preprocess} to {@code calibrate}; needed only with a bias
     */
    public static String of(MasterKind kind, Path frames, Path work, Path output, Path bias, String stack,
                            SirilRunner.Version siril) {
        StringBuilder s = new StringBuilder("requires 1.0.0\n");
        s.append("cd ").append(quote(frames)).append('\n');
        s.append("convert raw -out=").append(quote(work)).append('\n');
        s.append("cd ").append(quote(work)).append('\n');
        switch (kind) {
            case BIAS, DARK -> s.append("stack raw ").append(stack).append(" -out=").append(quote(output)).append('\n');
            case FLAT -> {
                String seq = "raw";
                if (bias != null) {
                    s.append(siril.atLeast(1, 2) ? "calibrate" : "preprocess").append(" raw -bias=").append(quote(bias)).append('\n');
                    seq = "pp_raw";
                }
                s.append("stack ").append(seq).append(' ').append(stack).append(" -out=").append(quote(output)).append('\n');
            }
            default -> throw new IllegalArgumentException(kind.toString());
        }
        return s.toString();
    }

    // Siril splits arguments on blanks; a path with blanks is quoted, and its own quotes cannot occur in a folder apdm made
    private static String quote(Path p) {
        String s = p.toAbsolutePath().toString().replace('\\', '/');
        return s.contains(" ") ? "\"" + s + "\"" : s;
    }
}
