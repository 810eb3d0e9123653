package org.apdm.app;

import java.awt.GraphicsEnvironment;
import java.util.Locale;
import java.util.Map;

/** Whether a window can open here, decided before JavaFX is touched (JavaFX fails hard without a display). */
final class Display {

    private Display() {
    }

    static boolean available(Map<String, String> env, String osName) {
        if (Boolean.getBoolean("java.awt.headless") || GraphicsEnvironment.isHeadless()) {
            return false;
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return true;
        }
        return notBlank(env.get("DISPLAY")) || notBlank(env.get("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
