package org.apdm.core.inventory;

import java.nio.file.Path;

/**
 * One folder of light frames.
 *
 * @param rig      rig folder name ({@code C8E@f10.0+ZWO ASI2600MM Pro})
 * @param stage    stage folder name ({@code 20_Data}, or an unknown one)
 * @param target   target name (the target folder without notes or {@code " Panel N"})
 * @param panel    mosaic panel, "" when none
 * @param night    {@code yyyy-MM-dd}, or null when neither path nor header tells
 * @param filter   canonical filter name, or null when unknown
 * @param exposure seconds with two decimals ({@code 300.00}), or null when unknown; the most common one
 *                 when the folder mixes exposures
 * @param folder   the folder, absolute
 * @param frames   light frames in the folder (FITS, XISF, camera raw; masters and other files excluded)
 * @param hours    their total exposure in hours
 * @param accepted below the target's {@code accept/} folder (survived blink)
 * @param hasDarks a master dark for this exposure is in the folder or above it, up to the target
 * @param hasFlats a master flat for this filter is in the folder or above it
 * @param hasBias  a master bias is in the folder or above it
 */
public record InventoryFolder(String rig, String stage, String target, String panel, String night, String filter,
                              String exposure, Path folder, int frames, double hours, boolean accepted,
                              boolean hasDarks, boolean hasFlats, boolean hasBias) {
}
