package org.apdm.core.cull;

import java.nio.file.Path;
import java.util.List;

/**
 * The frames of one folder: one rig, target, panel, night, filter and exposure, in capture order.
 *
 * @param rig      rig folder name
 * @param folder   the folder, relative to the data root
 * @param frames   frames in capture order (their names start with the capture time)
 */
public record CullGroup(String rig, Path folder, List<CullFrame> frames) {

    public CullGroup {
        frames = List.copyOf(frames);
    }

    /** Target folder name ({@code {rig}/10_Blink/{target}/...}), or "" when the layout is shallower. */
    public String target() {
        return folder.getNameCount() > 2 ? folder.getName(2).toString() : "";
    }
}
