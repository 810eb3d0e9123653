package org.apdm.core.calibration;

import java.nio.file.Path;
import java.util.List;
import org.apdm.core.metadata.FrameMetadata;

/**
 * One night of one target in a rig's {@code 10_Blink}: a {@code DATE_} folder under the target or under its
 * {@code accept/}, with its groups of lights and the masters already in it.
 *
 * @param rig      rig folder
 * @param target   target folder
 * @param accepted under {@code {target}/accept/}
 * @param folder   the DATE folder
 * @param night    the night ({@code yyyy-MM-dd}), from the folder name
 * @param groups   lights grouped by folder and values
 * @param masters  masters anywhere in the DATE folder
 * @param files    every file in the DATE folder (what promotion moves)
 */
public record NightFolder(String rig, String target, boolean accepted, Path folder, String night,
                          List<LightGroup> groups, List<MasterFrame> masters, List<Path> files) {

    public NightFolder {
        groups = List.copyOf(groups);
        masters = List.copyOf(masters);
        files = List.copyOf(files);
    }

    /**
     * Lights of one folder with equal values.
     *
     * @param folder the lights' folder ({@code FILTER_L_EXP_300.00_SETTEMP_-10.00})
     * @param light  one of them, standing for all
     * @param lights how many
     */
    public record LightGroup(Path folder, FrameMetadata light, int lights) {
    }

    /** The masters that serve a group: in the DATE folder itself or in a folder on the way down to the lights. */
    public List<MasterFrame> mastersFor(LightGroup g) {
        return masters.stream().filter(m -> g.folder().startsWith(m.file().getParent())).toList();
    }

    /** The DATE folder's path below the rig's {@code 10_Blink}, for reports. */
    public String label() {
        return target + "/" + (accepted ? "accept/" : "") + folder.getFileName();
    }
}
