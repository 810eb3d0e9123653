package org.apdm.gui.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.apdm.core.config.ApdmConfig;
import org.apdm.core.config.ConfigException;
import org.apdm.core.config.ConfigFile;
import org.apdm.core.config.ConfigLoader;
import org.apdm.core.config.ConfigResolver;
import org.apdm.gui.AppContext;

/**
 * The settings forms: each field edits one setting of the configuration file in place ({@link ConfigDocument}),
 * and after every keystroke the whole file is checked by the same code the command line uses
 * ({@link ConfigLoader#parse(String, String)} and {@link ConfigResolver#resolve}); each problem is shown at the
 * field it names. Saving writes the file the command line reads. FX thread.
 */
public final class SettingsViewModel {

    /** A section of general settings. */
    public record Section(String title, String help, List<SettingField> fields) {
    }

    /** The forms of one rig. */
    public record RigForm(String rig, List<List<SettingField>> passes, List<SettingField> calibration,
                          List<SettingField> filters) {
    }

    private static final Pattern PROBLEM = Pattern.compile("^.*?(?: line \\d+)?: ((?:[a-z_]+|\"[^\"]*\"|\\[\\d+\\]|\\.)+): (.*)$",
            Pattern.DOTALL);

    private final AppContext context;
    private final List<Section> sections = new ArrayList<>();
    private final ObservableList<String> rigs = FXCollections.observableArrayList();
    private final ObservableList<String> archiveRigs = FXCollections.observableArrayList();
    private final ObjectProperty<String> selectedRig = new SimpleObjectProperty<>();
    private final ObjectProperty<RigForm> rigForm = new SimpleObjectProperty<>();
    private final ObservableList<String> generalProblems = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper reformatted = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private ConfigDocument saved;
    private ConfigDocument document;
    private boolean loading;
    /** Edits typed since the last check, applied together a moment after the last keystroke. */
    private final java.util.Map<List<Object>, java.util.function.Supplier<Object>> pending = new LinkedHashMap<>();
    private final javafx.animation.PauseTransition pause =
            new javafx.animation.PauseTransition(javafx.util.Duration.millis(CHECK_DELAY_MILLIS));

    /** How long after the last keystroke the file is checked. */
    public static final int CHECK_DELAY_MILLIS = 150;

    public SettingsViewModel(AppContext context) {
        this.context = context;
        sections.add(new Section("Folders", "Where apdm reads and writes. Relative paths are relative to the configuration file.", List.of(
                field(List.of("roots", "raw"), "RAW", "Where N.I.N.A. writes frames; ingest sorts everything below it.", SettingField.Kind.PATH),
                field(List.of("ingest", "sources"), "Capture folders", "Other capture programs' folders, one per line: "
                        + "FOLDER | PROFILE | defaults, e.g. /media/ASIAIR | asiair | optic=RedCat51, focal_ratio=4.9. "
                        + "PROFILE: auto (detect), nina, sharpcap, asiair, dwarf3, seestar, ekos, apt.", SettingField.Kind.SOURCES),
                field(List.of("roots", "data"), "Data", "The archive: one folder per rig with 10_Blink … 60_Done.", SettingField.Kind.PATH),
                field(List.of("roots", "calibration"), "Calibration frames", "Raw BIAS, DARK and FLAT go here (empty: the RAW folder).", SettingField.Kind.PATH),
                field(List.of("roots", "reject"), "Reject", "Culled frames keep their path below this folder and can be restored.", SettingField.Kind.PATH),
                field(List.of("roots", "library"), "Master library", "Master calibration frames.", SettingField.Kind.PATH),
                field(List.of("roots", "pixinsight_masters"), "PixInsight masters", "WBPP's master output.", SettingField.Kind.PATH),
                field(List.of("roots", "pixinsight_temp"), "PixInsight temp", "WBPP's working folder.", SettingField.Kind.PATH),
                field(List.of("state_dir"), "Journal folder", "Journal and lock of the file engine (empty: the per-user data folder).", SettingField.Kind.PATH),
                field(List.of("database"), "Database", "The astrophotography database file.", SettingField.Kind.PATH))));
        sections.add(new Section("Sync service", "Commands run before file operations and after them (also after a failure), "
                + "for example to stop and restart Dropbox so it holds no locks.", List.of(
                field(List.of("sync_service", "before"), "Before", "One command per line.", SettingField.Kind.LINES),
                field(List.of("sync_service", "after"), "After", "One command per line.", SettingField.Kind.LINES),
                field(List.of("sync_service", "timeout_seconds"), "Timeout (s)", "How long one command may take.", SettingField.Kind.NUMBER))));
        sections.add(new Section("Frames", "How names and dates are read.", List.of(
                field(List.of("filters", "aliases"), "Filter names", "FROM = TO per line, e.g. Ha = H; \"\" names frames without a filter. "
                        + "Listing any replaces the built-in list.", SettingField.Kind.PAIRS),
                field(List.of("night_date", "rule"), "Night date", "date-loc-minus-12h works anywhere; date-obs-minus-16h is the old scripts' rule.",
                        SettingField.Kind.CHOICE, "date-loc-minus-12h", "date-obs-minus-16h"),
                field(List.of("night_date", "time_zone"), "Time zone", "For frames with DATE-OBS but no DATE-LOC (e.g. America/New_York).", SettingField.Kind.TEXT),
                field(List.of("duplicates"), "Duplicates", "An identical file already at the destination: keep the source, or remove it.",
                        SettingField.Kind.CHOICE, "keep", "remove"))));
        sections.add(new Section("Calibration and locations", "Shared by all rigs.", List.of(
                field(List.of("calibration", "flat_fallback"), "Flat fallback", "A night without its own master flat: none, earlier, later, nearest or ask.",
                        SettingField.Kind.CHOICE, "none", "earlier", "later", "nearest", "ask"),
                field(List.of("calibration", "dark_scaling"), "Dark scaling", "Use a shorter dark plus bias when no dark of the exposure exists.",
                        SettingField.Kind.CHOICE, "false", "true"),
                field(List.of("locations", "match_within_km"), "Site distance (km)", "A frame belongs to the nearest site within this distance.", SettingField.Kind.NUMBER),
                field(List.of("status", "bake_reminder_days"), "Bake reminder (days)", "Remind about targets resting in 50_Bake longer than this.", SettingField.Kind.NUMBER),
                field(List.of("status", "low_disk_percent"), "Low disk (%)", "Warn when the data drive has less free space than this.", SettingField.Kind.NUMBER))));
        selectedRig.addListener((o, a, b) -> {
            flush();
            rigForm.set(b == null ? null : buildRigForm(b));
        });
        pause.setOnFinished(e -> flush());
    }

    private SettingField field(List<Object> path, String label, String help, SettingField.Kind kind, String... choices) {
        SettingField f = new SettingField(path, label, help, kind, choices);
        f.textProperty().addListener((o, a, b) -> edited(f));
        return f;
    }

    /** Reads the configuration file (or the example, when there is none yet). */
    public void load() {
        pending.clear();
        pause.stop();
        Path file = context.configFile();
        String text;
        try {
            text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : ConfigLoader.starterConfig();
            status.set(Files.exists(file) ? "Editing " + file : file + " does not exist yet; saving creates it.");
        } catch (IOException e) {
            status.set("Cannot read " + file + ": " + e.getMessage());
            return;
        }
        saved = ConfigDocument.of(text);
        show(saved);
        listArchiveRigs();
    }

    /** Rig folders of the archive that the file has no settings for (they use the built-in ones). */
    private void listArchiveRigs() {
        List<String> found = new ArrayList<>();
        ApdmConfig c = context.config();
        Path data = c == null ? null : c.roots().data();
        if (data != null && Files.isDirectory(data)) {
            try (var s = Files.list(data)) {
                s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                        .filter(n -> org.apdm.core.layout.RigName.parse(n).isPresent())
                        .filter(n -> rigs.stream().noneMatch(r -> ApdmConfig.canonicalRig(r).equals(ApdmConfig.canonicalRig(n))))
                        .sorted().forEach(found::add);
            } catch (IOException e) {
                status.set("Cannot list " + data + ": " + e.getMessage());
            }
        }
        archiveRigs.setAll(found);
    }

    /** Adds settings for an archive rig, starting from the passes it uses now (built-in or default). */
    public void customise(String rig) {
        ApdmConfig c = context.config();
        List<Object> passes = new ArrayList<>();
        for (org.apdm.core.cull.CullPass p : c == null ? org.apdm.core.cull.CullDefaults.FALLBACK : c.cullPasses(rig)) {
            passes.add(passMap(p));
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("cull", passes);
        apply(List.of("rigs", rig), settings);
        rigs.add(rig);
        archiveRigs.remove(rig);
        selectedRig.set(rig);
    }

    /** A pass as the file writes it: max_hfr, max_rms and min_stars where they fit, limits and relative otherwise. */
    static Map<String, Object> passMap(org.apdm.core.cull.CullPass p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        List<Object> other = new ArrayList<>();
        for (org.apdm.core.cull.CullPass.Limit l : p.limits()) {
            if (l.metric().equals("hfr") && l.min() == null && !m.containsKey("max_hfr")) {
                m.put("max_hfr", l.max());
            } else if (l.metric().equals("rmsac") && l.min() == null && !m.containsKey("max_rms")) {
                m.put("max_rms", l.max());
            } else if (l.metric().equals("stars") && l.max() == null && !m.containsKey("min_stars")) {
                m.put("min_stars", l.min());
            } else {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("metric", l.metric());
                if (l.max() != null) {
                    x.put("max", l.max());
                }
                if (l.min() != null) {
                    x.put("min", l.min());
                }
                other.add(x);
            }
        }
        if (!other.isEmpty()) {
            m.put("limits", other);
        }
        if (!p.relative().isEmpty()) {
            List<Object> rel = new ArrayList<>();
            for (org.apdm.core.cull.CullPass.RelativeLimit r : p.relative()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("metric", r.metric());
                x.put("sigma", r.sigma());
                x.put("worse", r.higherWorse() ? "higher" : "lower");
                rel.add(x);
            }
            m.put("relative", rel);
        }
        double auto = p.autoAcceptPercent();
        m.put("auto_accept_percent", auto == Math.rint(auto) ? (Object) (long) auto : (Object) auto);
        return m;
    }

    private void show(ConfigDocument doc) {
        document = doc;
        loading = true;
        try {
            for (Section s : sections) {
                for (SettingField f : s.fields()) {
                    f.textProperty().set(SettingField.text(f.kind(), doc.get(f.path())));
                }
            }
            List<String> names = new ArrayList<>();
            if (doc.get(List.of("rigs")) instanceof Map<?, ?> m) {
                m.keySet().forEach(k -> names.add(String.valueOf(k)));
            }
            String keep = selectedRig.get();
            rigs.setAll(names);
            selectedRig.set(null);
            selectedRig.set(names.contains(keep) ? keep : names.isEmpty() ? null : names.get(0));
        } finally {
            loading = false;
        }
        validate();
    }

    private RigForm buildRigForm(String rig) {
        boolean was = loading;
        loading = true;
        try {
            List<List<SettingField>> passes = new ArrayList<>();
            Object cull = document.get(List.of("rigs", rig, "cull"));
            int n = cull instanceof List<?> l ? l.size() : 0;
            for (int i = 0; i < n; i++) {
                List<Object> at = List.of("rigs", rig, "cull", i);
                passes.add(List.of(
                        rigField(at, "name", "Name", "Shown in reports; --pass NAME runs only this pass.", SettingField.Kind.TEXT),
                        rigField(at, "max_hfr", "Max HFR", "Reject frames with a larger half-flux radius.", SettingField.Kind.NUMBER),
                        rigField(at, "max_rms", "Max RMS (\")", "Reject frames with worse guiding (RMSAC).", SettingField.Kind.NUMBER),
                        rigField(at, "min_stars", "Min stars", "Reject frames with fewer stars.", SettingField.Kind.NUMBER),
                        rigField(at, "auto_accept_percent", "Auto-accept below (%)", "Groups rejecting less than this are applied without asking; 100 = always.",
                                SettingField.Kind.NUMBER)));
            }
            List<Object> cal = List.of("rigs", rig, "calibration");
            List<SettingField> calibration = List.of(
                    rigField(cal, "darks", "Dark keys", "Values a master dark must share with the lights.", SettingField.Kind.WORDS),
                    rigField(cal, "flats", "Flat keys", "Values a master flat must share with the lights.", SettingField.Kind.WORDS),
                    rigField(cal, "bias", "Bias keys", "Values a master bias must share with the lights.", SettingField.Kind.WORDS),
                    rigField(cal, "rig_changes", "Rig changes", "Dates (yyyy-mm-dd) the rig was taken apart; one per line. No flat is used across one.",
                            SettingField.Kind.LINES),
                    rigField(cal, "library_folder", "Library folder", "The rig's own sub-folder of the master libraries.", SettingField.Kind.TEXT));
            SettingField filters = new SettingField(List.of("rigs", rig, "filters"), "Filters",
                    "In priority order, one per line: NAME ASTROBIN-ID (e.g. L 2625).", SettingField.Kind.LINES);
            filters.textProperty().set(filterLines(document.get(filters.path())));
            filters.textProperty().addListener((o, a, b) -> editFilters(filters));
            return new RigForm(rig, passes, calibration, List.of(filters));
        } finally {
            loading = was;
        }
    }

    private SettingField rigField(List<Object> at, String key, String label, String help, SettingField.Kind kind) {
        List<Object> path = new ArrayList<>(at);
        path.add(key);
        SettingField f = new SettingField(path, label, help, kind);
        f.textProperty().set(SettingField.text(kind, document.get(path)));
        f.textProperty().addListener((o, a, b) -> edited(f));
        return f;
    }

    private static String filterLines(Object value) {
        if (!(value instanceof List<?> l)) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        for (Object o : l) {
            if (o instanceof Map<?, ?> m) {
                Object id = m.get("astrobin_id");
                lines.add(m.get("name") + (id == null ? "" : " " + id));
            }
        }
        return String.join("\n", lines);
    }

    private void editFilters(SettingField f) {
        if (loading) {
            return;
        }
        List<Object> entries = new ArrayList<>();
        for (String line : f.textProperty().get().lines().map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            String[] parts = line.split("\\s+");
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", parts[0]);
            if (parts.length > 1) {
                try {
                    e.put("astrobin_id", Long.parseLong(parts[1]));
                } catch (NumberFormatException x) {
                    e.put("astrobin_id", parts[1]);
                }
            }
            entries.add(e);
        }
        later(f.path(), () -> entries.isEmpty() ? null : entries);
    }

    private void edited(SettingField f) {
        if (loading) {
            return;
        }
        later(f.path(), f::value);
    }

    private void later(List<Object> path, java.util.function.Supplier<Object> value) {
        pending.remove(path);
        pending.put(path, value);
        valid.set(false);
        pause.playFromStart();
    }

    /** Applies what was typed and checks the file; also before anything that needs the current text. */
    public void flush() {
        pause.stop();
        if (pending.isEmpty()) {
            return;
        }
        List<Map.Entry<List<Object>, java.util.function.Supplier<Object>>> edits = new ArrayList<>(pending.entrySet());
        pending.clear();
        for (var e : edits) {
            document = document.with(e.getKey(), e.getValue().get());
        }
        validate();
    }

    private void apply(List<Object> path, Object value) {
        flush();
        document = document.with(path, value);
        validate();
    }

    /** Adds a cull pass to the selected rig, with the limits of the default pass. */
    public void addPass() {
        String rig = selectedRig.get();
        if (rig == null) {
            return;
        }
        Object cull = document.get(List.of("rigs", rig, "cull"));
        int n = cull instanceof List<?> l ? l.size() : 0;
        Map<String, Object> pass = new LinkedHashMap<>();
        pass.put("name", "pass" + (n + 1));
        pass.put("max_hfr", 4.0);
        pass.put("max_rms", 2.0);
        pass.put("auto_accept_percent", 30);
        apply(n == 0 ? List.of("rigs", rig, "cull") : List.of("rigs", rig, "cull", n), n == 0 ? List.of(pass) : pass);
        rigForm.set(buildRigForm(rig));
    }

    /** Removes a pass of the selected rig. */
    public void removePass(int index) {
        String rig = selectedRig.get();
        if (rig == null) {
            return;
        }
        apply(List.of("rigs", rig, "cull", index), null);
        rigForm.set(buildRigForm(rig));
    }

    /** Adds a rig by its folder name; the validation says if the name is not {@code <optic>@f<ratio>+<camera>}. */
    public void addRig(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || rigs.contains(n)) {
            return;
        }
        Map<String, Object> pass = new LinkedHashMap<>();
        pass.put("name", "pass1");
        pass.put("max_hfr", 4.0);
        pass.put("max_rms", 2.0);
        pass.put("auto_accept_percent", 30);
        Map<String, Object> rig = new LinkedHashMap<>();
        rig.put("cull", List.of(pass));
        apply(List.of("rigs", n), rig);
        rigs.add(n);
        selectedRig.set(n);
    }

    /** Removes the selected rig's settings (its frames are not touched). */
    public void removeRig() {
        String rig = selectedRig.get();
        if (rig == null) {
            return;
        }
        apply(List.of("rigs", rig), null);
        rigs.remove(rig);
        selectedRig.set(rigs.isEmpty() ? null : rigs.get(0));
    }

    /** Checks the whole text with the command line's validation and puts each problem at its field. */
    void validate() {
        List<SettingField> all = allFields();
        all.forEach(f -> f.setProblem(""));
        List<String> general = new ArrayList<>();
        Path file = context.configFile();
        try {
            ConfigFile parsed = ConfigLoader.parse(document.text(), file.toString());
            ConfigResolver.resolve(parsed, file, context.options().locations(), context.options().env());
        } catch (ConfigException e) {
            for (String p : e.problems()) {
                SettingField f = fieldFor(all, p);
                if (f != null && f.problemProperty().get().isEmpty()) {
                    f.setProblem(message(p));
                } else if (f == null) {
                    general.add(p);
                }
            }
        }
        generalProblems.setAll(general);
        boolean ok = all.stream().allMatch(f -> f.problemProperty().get().isEmpty()) && general.isEmpty();
        valid.set(ok);
        changed.set(!document.text().equals(saved.text()));
        reformatted.set(document.reformatted());
    }

    private static String message(String problem) {
        Matcher m = PROBLEM.matcher(problem);
        return m.matches() ? m.group(2) : problem;
    }

    /** The field a problem names, the longest matching setting name winning. */
    private static SettingField fieldFor(List<SettingField> fields, String problem) {
        Matcher m = PROBLEM.matcher(problem);
        if (!m.matches()) {
            return null;
        }
        String setting = m.group(1);
        SettingField best = null;
        for (SettingField f : fields) {
            String name = f.settingName();
            if ((setting.equals(name) || setting.startsWith(name + ".") || setting.startsWith(name + "["))
                    && (best == null || name.length() > best.settingName().length())) {
                best = f;
            }
        }
        return best;
    }

    private List<SettingField> allFields() {
        List<SettingField> all = new ArrayList<>();
        sections.forEach(s -> all.addAll(s.fields()));
        RigForm r = rigForm.get();
        if (r != null) {
            r.passes().forEach(all::addAll);
            all.addAll(r.calibration());
            all.addAll(r.filters());
        }
        return all;
    }

    /**
     * Saves to the configuration file and puts it in effect. The previous file is kept as {@code .bak}.
     *
     * @return the configuration now in effect
     */
    public ApdmConfig save() throws IOException, ConfigException {
        flush();
        Path file = context.configFile();
        if (!valid.get()) {
            throw new IllegalStateException("fix the marked settings first");
        }
        Path backup = ConfigFileWriter.replace(file, document.text());
        saved = ConfigDocument.of(document.text());
        document = saved;
        ApdmConfig config = context.loadConfig();
        context.configProperty().set(config);
        status.set("Saved " + file + (backup == null ? "" : " (the previous version is " + backup.getFileName() + ")"));
        validate();
        return config;
    }

    /** Back to the file as saved. */
    public void discard() {
        pending.clear();
        pause.stop();
        show(saved);
    }

    public List<Section> sections() {
        return sections;
    }

    public ObservableList<String> rigs() {
        return rigs;
    }

    /** Rigs of the archive without settings in the file. */
    public ObservableList<String> archiveRigs() {
        return archiveRigs;
    }

    public ObjectProperty<String> selectedRigProperty() {
        return selectedRig;
    }

    public ObjectProperty<RigForm> rigFormProperty() {
        return rigForm;
    }

    public ObservableList<String> generalProblems() {
        return generalProblems;
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }

    /** Saving would rewrite the file from its values (comments lost); the window warns first. */
    public ReadOnlyBooleanProperty reformattedProperty() {
        return reformatted.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The text that saving would write. */
    public String text() {
        flush();
        return document.text();
    }
}
