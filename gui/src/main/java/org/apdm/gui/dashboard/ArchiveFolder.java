package org.apdm.gui.dashboard;

import java.nio.file.Path;

/**
 * One folder of lights in the archive, the unit the dashboard counts. Field for field the core inventory's
 * {@code InventoryFolder}, so plugging the inventory in is a one-to-one copy (see {@link ArchiveSummarySource}).
 *
 * @param accepted  the lights have been through blink (below {@code accept}, or in a stage after 10_Blink)
 * @param hasDarks  the night has its master dark (likewise flats, bias)
 */
public record ArchiveFolder(String rig, String stage, String target, String panel, String night, String filter,
                            String exposure, Path folder, int frames, double hours, boolean accepted, boolean hasDarks,
                            boolean hasFlats, boolean hasBias) {
}
