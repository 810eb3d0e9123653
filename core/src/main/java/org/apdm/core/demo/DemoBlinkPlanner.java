package org.apdm.core.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apdm.core.fileops.FileOperation;
import org.apdm.core.fileops.Plan;
import org.apdm.core.layout.ArchiveLayout;

/**
 * The demo's stand-in for the user's manual blink: every light still in {@code {rig}/10_Blink/{target}/DATE_…}
 * moves to {@code {target}/accept/DATE_…}, as if the user had looked at each and kept it. Pure.
 */
public final class DemoBlinkPlanner {

    private DemoBlinkPlanner() {
    }

    /**
     * @param files every file below {@code data} in rigs' 10_Blink folders
     */
    public static Plan plan(Path data, List<Path> files) {
        List<FileOperation> ops = new ArrayList<>();
        Set<Path> prune = new LinkedHashSet<>();
        for (Path f : files) {
            Path rel = data.relativize(f);
            // {rig}/10_Blink/{target}/DATE_…/…/file, not yet in accept
            if (rel.getNameCount() < 5 || !rel.getName(1).toString().equals(ArchiveLayout.BLINK)
                    || rel.getName(3).toString().equalsIgnoreCase(ArchiveLayout.ACCEPT)
                    || !rel.getName(3).toString().startsWith(ArchiveLayout.DATE_PREFIX)) {
                continue;
            }
            Path target = data.resolve(rel.subpath(0, 3).toString());
            Path dst = target.resolve(ArchiveLayout.ACCEPT).resolve(rel.subpath(3, rel.getNameCount()).toString());
            ops.add(new FileOperation.Move(f, dst, "blinked and kept (demo)"));
            prune.add(target);
        }
        return new Plan("demo blink", ops, List.of(), List.of(data), new ArrayList<>(prune));
    }
}
