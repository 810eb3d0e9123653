package org.apdm.core.report;

/**
 * One recorded folder of accepted lights, as reports need it.
 *
 * @param rig           rig folder name
 * @param stage         stage folder name
 * @param target        target name
 * @param targetFolder  the target folder (the path up to {@code accept}), as recorded
 * @param panel         panel, "" when none
 * @param night         {@code yyyy-MM-dd}
 * @param filter        filter name, or null when unknown
 * @param astrobinId    the filter's AstroBin id, or null
 * @param frames        accepted frames
 * @param exposure      seconds per frame
 * @param focalRatio    f-number from the rig, or null
 * @param gain          camera gain, or null
 * @param sensorCooling set temperature in whole °C, or null
 * @param darks         frames in the master dark, or null; likewise {@code flats}, {@code bias}
 * @param bortle        the site's Bortle class, or null
 */
public record ReportRow(String rig, String stage, String target, String targetFolder, String panel, String night,
                        String filter, Integer astrobinId, int frames, Double exposure, String focalRatio, Double gain,
                        Integer sensorCooling, Integer darks, Integer flats, Integer bias, Integer bortle) {

    /** Hours of light; frames of unknown exposure (DSLR raw files without EXIF) add none. */
    public double hours() {
        return exposure == null ? 0 : frames * exposure / 3600.0;
    }

    /** The rig, stage, target folder and target a recorded folder belongs to: the segments before {@code accept}. */
    public record Place(String rig, String stage, String targetFolderName, String targetFolder) {
    }

    /** Splits a recorded folder (either separator) at its first {@code accept} segment; null when it has none. */
    public static Place place(String rawDirectory) {
        if (rawDirectory == null) {
            return null;
        }
        String[] seg = rawDirectory.split("[/\\\\]");
        for (int i = 3; i < seg.length; i++) {
            if (seg[i].equalsIgnoreCase("accept")) {
                int end = 0;
                for (int k = 0; k < i; k++) {
                    end += seg[k].length() + 1;
                }
                return new Place(seg[i - 3], seg[i - 2], seg[i - 1], rawDirectory.substring(0, end - 1));
            }
        }
        return null;
    }
}
