package org.apdm.gui.firstrun;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigException;
import org.apdm.core.config.ConfigLoader;
import org.apdm.core.config.ConfigResolver;
import org.apdm.core.demo.DemoWorkspace;
import org.apdm.gui.AppContext;
import org.apdm.gui.operation.Failures;
import org.apdm.gui.settings.ConfigDocument;
import org.apdm.gui.settings.ConfigFileWriter;

/**
 * The first start: no configuration file yet. The user names his RAW and Data folders (and where rejects go),
 * or asks for the demo workspace of {@code apdm demo}; either way the window writes the commented example
 * configuration with those folders to the file the command line reads, so both work on the same archive.
 * FX thread.
 */
public final class FirstRunViewModel {

    private final AppContext context;
    private final Consumer<ApdmConfig> done;
    private final StringProperty raw = new SimpleStringProperty("");
    private final StringProperty data = new SimpleStringProperty("");
    private final StringProperty reject = new SimpleStringProperty("");
    private final StringProperty demoFolder = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper rawProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper dataProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rejectProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final javafx.animation.PauseTransition pause =
            new javafx.animation.PauseTransition(javafx.util.Duration.millis(CHECK_DELAY_MILLIS));
    private boolean rejectTouched;

    /** How long after the last keystroke the folders are checked. */
    public static final int CHECK_DELAY_MILLIS = 150;

    /**
     * @param done called with the configuration now in effect, once the file is written
     */
    public FirstRunViewModel(AppContext context, Consumer<ApdmConfig> done) {
        this.context = context;
        this.done = done;
        demoFolder.set(context.options().locations().home().resolve("apdm-demo").toString());
        // checked a moment after the last keystroke, not on every one
        pause.setOnFinished(e -> validate());
        raw.addListener((o, a, b) -> typed());
        data.addListener((o, a, b) -> {
            if (!rejectTouched && b != null && !b.isBlank()) {
                suggestReject(b);
            }
            typed();
        });
        reject.addListener((o, a, b) -> typed());
        validate();
    }

    private void typed() {
        ready.set(false);
        pause.playFromStart();
    }

    private void suggestReject(String dataText) {
        try {
            Path d = Path.of(dataText.strip()).toAbsolutePath().normalize();
            Path parent = d.getParent();
            if (parent != null) {
                reject.set(parent.resolve("Reject").toString());
                rejectTouched = false;
            }
        } catch (InvalidPathException e) {
            // the data field shows the problem
        }
    }

    /** The user typed the reject folder himself: stop suggesting one. */
    public void rejectEdited() {
        rejectTouched = true;
    }

    /** The file the configuration is written to. */
    public Path configFile() {
        return context.configFile();
    }

    /** The example configuration with the chosen folders, as it would be written. */
    public String text() {
        ConfigDocument example = ConfigDocument.of(ConfigLoader.starterConfig());
        Map<String, Object> roots = new LinkedHashMap<>();
        if (example.get(List.of("roots")) instanceof Map<?, ?> m) {
            m.forEach((k, v) -> roots.put(String.valueOf(k), v));
        }
        put(roots, "raw", absolute(raw.get()));
        put(roots, "data", absolute(data.get()));
        put(roots, "reject", absolute(reject.get()));
        return example.with(List.of("roots"), roots).text();
    }

    private static void put(Map<String, Object> m, String key, String value) {
        if (value == null) {
            m.remove(key);
        } else {
            m.put(key, value);
        }
    }

    private static String absolute(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Path.of(s.strip()).toAbsolutePath().normalize().toString();
        } catch (InvalidPathException e) {
            return s.strip();
        }
    }

    /** Checks the folders with the configuration's own validation, plus what a first run must have. */
    void validate() {
        rawProblem.set(pathProblem(raw.get()));
        dataProblem.set(pathProblem(data.get()));
        rejectProblem.set(pathProblem(reject.get()));
        if (!blank(raw.get()) && !blank(data.get()) && !blank(reject.get())
                && rawProblem.get().isEmpty() && dataProblem.get().isEmpty() && rejectProblem.get().isEmpty()) {
            try {
                ConfigResolver.resolve(ConfigLoader.parse(text(), configFile().toString()), configFile(),
                        context.options().locations(), context.options().env());
                checkReject();
            } catch (ConfigException e) {
                for (String p : e.problems()) {
                    String m = p.substring(p.indexOf(": ") + 2);
                    if (m.startsWith("roots.raw")) {
                        rawProblem.set(m.substring(m.indexOf(": ") + 2));
                    } else if (m.startsWith("roots.data")) {
                        dataProblem.set(m.substring(m.indexOf(": ") + 2));
                    } else if (m.startsWith("roots.reject")) {
                        rejectProblem.set(m.substring(m.indexOf(": ") + 2));
                    }
                }
            }
        }
        boolean filled = !blank(raw.get()) && !blank(data.get()) && !blank(reject.get());
        ready.set(filled && rawProblem.get().isEmpty() && dataProblem.get().isEmpty() && rejectProblem.get().isEmpty()
                && !busy.get());
    }

    private void checkReject() {
        Path d = Path.of(absolute(data.get()));
        Path r = Path.of(absolute(reject.get()));
        if (r.startsWith(d) || d.startsWith(r)) {
            rejectProblem.set("must not be inside the data folder, nor contain it");
        }
    }

    /** An empty field is not an error yet (its help says what to put there); it only keeps Save disabled. */
    private static String pathProblem(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        try {
            Path.of(value.strip());
            return "";
        } catch (InvalidPathException e) {
            return "not a folder name: " + e.getReason();
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Whether the RAW folder exists yet (a note, not a problem: N.I.N.A. may not have written anything). */
    public boolean rawExists() {
        String r = absolute(raw.get());
        return r != null && Files.isDirectory(Path.of(r));
    }

    /** Writes the configuration with the chosen folders and puts it in effect. */
    public void save() {
        pause.stop();
        validate();
        if (!ready.get()) {
            return;
        }
        try {
            ConfigFileWriter.create(configFile(), text());
            ApdmConfig config = context.loadConfig();
            context.configProperty().set(config);
            done.accept(config);
        } catch (java.io.IOException | ConfigException e) {
            message.set("Could not write " + configFile() + ": " + Failures.message(e));
        }
    }

    /** Creates the demo workspace of {@code apdm demo} (in the background) and a configuration for it. */
    public void createDemo() {
        String folder = absolute(demoFolder.get());
        if (folder == null || busy.get()) {
            return;
        }
        busy.set(true);
        validate();
        message.set("Creating the demo workspace in " + folder + " …");
        context.tasks().submit("Demo", (l, c) -> DemoWorkspace.create(Path.of(folder)), layout -> {
            busy.set(false);
            raw.set(layout.raw().toString());
            data.set(layout.data().toString());
            reject.set(layout.reject().toString());
            rejectTouched = true;
            message.set("Created a sample N.I.N.A. dump in " + layout.raw() + ".");
            validate();
            save();
        }, failure -> {
            busy.set(false);
            message.set(Failures.message(failure));
            validate();
        });
    }

    public StringProperty rawProperty() {
        return raw;
    }

    public StringProperty dataProperty() {
        return data;
    }

    public StringProperty rejectProperty() {
        return reject;
    }

    public StringProperty demoFolderProperty() {
        return demoFolder;
    }

    public ReadOnlyStringProperty rawProblemProperty() {
        return rawProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dataProblemProperty() {
        return dataProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rejectProblemProperty() {
        return rejectProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
