package org.apdm.core.inventory;

import java.nio.file.Path;
import java.util.List;

/**
 * What the scan learned about a folder beyond {@link InventoryFolder}, for the database and reports.
 *
 * @param folder     the folder
 * @param latitude   SITELAT of a frame, one decimal, or null
 * @param longitude  SITELONG of a frame, one decimal, or null
 * @param location   site named in the path ({@code DATE_…_LOCATION_3BA}), or null
 * @param gain       GAIN of a frame, or null
 * @param setTemp    set temperature from the path or a frame, two decimals, or null
 * @param focalRatio focal ratio from the rig folder, or null
 * @param darks      frames integrated into the matching master dark (its NCOMBINE), or null when unknown
 * @param flats      frames in the matching master flat, or null
 * @param bias       frames in the master bias, or null
 * @param groups     the frames by night, filter, exposure and panel; more than one when the folder mixes them
 */
public record FolderFacts(Path folder, String latitude, String longitude, String location, String gain,
                          String setTemp, String focalRatio, Integer darks, Integer flats, Integer bias,
                          List<FrameGroup> groups) {

    public FolderFacts {
        groups = List.copyOf(groups);
    }

    /** Frames of one night, filter, exposure and panel within a folder. */
    public record FrameGroup(String night, String filter, String exposure, String panel, int frames, double hours) {
    }
}
