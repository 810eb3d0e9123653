package org.apdm.core.run;

/**
 * Where a person is needed: the run did everything else and stops here for this night.
 *
 * @param kind       "blink", "masters" or "cull review"
 * @param rig        rig folder
 * @param target     target folder
 * @param night      night (yyyy-MM-dd), or null when unknown
 * @param frames     frames waiting
 * @param waitsFor   what is missing ("master dark 300.00 s; master flat H"), or ""
 * @param resolvedBy the page or command that resolves it
 */
public record Gate(String kind, String rig, String target, String night, int frames, String waitsFor,
                   String resolvedBy) {

    /** One line: "blink: rig R, target T, night N, 40 frames — blink them ... (resolved by ...)". */
    public String describe() {
        return kind + ": rig " + rig + ", target " + target + ", night " + (night == null ? "?" : night) + ", "
                + frames + " frame(s)" + (waitsFor.isEmpty() ? "" : " — " + waitsFor) + "; " + resolvedBy;
    }
}
