package org.apdm.core.calibration;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apdm.core.metadata.Field;
import org.apdm.core.metadata.FrameMetadata;

/**
 * Finds the dark, flat and (with dark scaling) bias for a group of lights. Pure: masters and lights in, matches
 * out; the only outside call is the {@link FlatDecider} when the flat policy is to ask.
 *
 * <ul>
 *   <li>A requirement already met by masters next to the lights is {@code PRESENT} (a flat of any night counts:
 *       someone chose it). Nothing is copied then, which makes distribution idempotent.</li>
 *   <li>Otherwise exactly one library master with every key equal is used; two or more are ambiguous and
 *       none is used (for this group only).</li>
 *   <li>Flats of another night only by policy ({@code earlier}, {@code later}, {@code nearest}, {@code ask}), and
 *       only within the same rig period: never across a date the rig was physically changed.</li>
 *   <li>With dark scaling, when no dark of the exposure exists: the longest shorter dark plus a bias; never a
 *       longer dark, and never without a bias.</li>
 * </ul>
 */
public final class CalibrationMatcher {

    /** The policies of one run. */
    public record Policy(FlatFallback flatFallback, boolean darkScaling) {
    }

    private final MasterIndex index;
    private final Policy policy;
    private final FlatDecider decider;
    /** One question per rig, night and flat values, however many targets share them. */
    private final Map<String, FlatDecider.Answer> answers = new ConcurrentHashMap<>();

    public CalibrationMatcher(MasterIndex index, Policy policy, FlatDecider decider) {
        this.index = index;
        this.policy = policy;
        this.decider = decider;
    }

    public Policy policy() {
        return policy;
    }

    /**
     * @param rig        rig folder (for the question and the answer cache)
     * @param light      a light of the group
     * @param keys       the rig's keys
     * @param rigChanges dates the rig was changed, oldest first
     * @param present    masters already next to the lights
     * @param folder     the lights' DATE folder, for the question
     */
    public GroupMatch match(String rig, FrameMetadata light, CalibrationKeys keys, List<LocalDate> rigChanges,
                            List<MasterFrame> present, String folder) {
        MatchValues lv = MatchValues.of(light);
        List<MasterIndex.Entry> here = present.stream().map(m -> new MasterIndex.Entry(m, MatchValues.of(m.metadata())))
                .toList();
        MasterMatch[] darkAndBias = dark(light, lv, keys, here);
        MasterMatch flat = flat(rig, light, lv, keys, rigChanges, here, folder);
        return new GroupMatch(darkAndBias[0], flat, darkAndBias[1]);
    }

    /**
     * Whether masters already next to the lights calibrate them: what promotion checks. Uses no library.
     */
    public static GroupMatch present(FrameMetadata light, CalibrationKeys keys, List<MasterFrame> present,
                                     boolean darkScaling) {
        CalibrationMatcher m = new CalibrationMatcher(MasterIndex.empty(),
                new Policy(FlatFallback.NONE, darkScaling), FlatDecider.UNANSWERED);
        return m.match("", light, keys, List.of(), present, "");
    }

    // ---- darks and bias ----

    private MasterMatch[] dark(FrameMetadata light, MatchValues lv, CalibrationKeys keys, List<MasterIndex.Entry> here) {
        List<Field> dk = keys.darks();
        MasterIndex.Entry p = first(here, MasterKind.DARK, e -> lv.sameAs(e.values(), dk));
        if (p != null) {
            return pair(MasterMatch.of(MasterKind.DARK, MasterMatch.Status.PRESENT, p.master(), "present"),
                    MasterMatch.notNeeded(MasterKind.BIAS));
        }
        if (policy.darkScaling() && dk.contains(Field.EXPOSURE)) {
            List<MasterIndex.Entry> shorter = longestShorter(here, lv, dk);
            MasterIndex.Entry bias = first(here, MasterKind.BIAS, e -> lv.sameAs(e.values(), keys.bias()));
            if (shorter.size() == 1 && bias != null) {
                return pair(MasterMatch.of(MasterKind.DARK, MasterMatch.Status.PRESENT, shorter.get(0).master(),
                                "present (" + exposure(shorter.get(0)) + " s, scaled)"),
                        MasterMatch.of(MasterKind.BIAS, MasterMatch.Status.PRESENT, bias.master(), "present"));
            }
        }
        List<MasterIndex.Entry> all = index.candidates(MasterKind.DARK, dk, lv);
        List<MasterIndex.Entry> exact = all.stream().filter(e -> lv.sameAs(e.values(), dk)).toList();
        if (exact.size() == 1) {
            return pair(MasterMatch.of(MasterKind.DARK, MasterMatch.Status.EXACT, exact.get(0).master(), ""),
                    MasterMatch.notNeeded(MasterKind.BIAS));
        }
        if (exact.size() > 1) {
            return pair(ambiguous(MasterKind.DARK, exact, dk, light), MasterMatch.notNeeded(MasterKind.BIAS));
        }
        String missing = "no master dark with " + describe(dk, light);
        if (!policy.darkScaling() || !dk.contains(Field.EXPOSURE)) {
            return pair(MasterMatch.of(MasterKind.DARK, MasterMatch.Status.MISSING, null, missing),
                    MasterMatch.notNeeded(MasterKind.BIAS));
        }
        List<MasterIndex.Entry> shorter = longestShorter(all, lv, dk);
        if (shorter.isEmpty()) {
            return pair(MasterMatch.of(MasterKind.DARK, MasterMatch.Status.MISSING, null, missing + ", nor a shorter one"),
                    MasterMatch.notNeeded(MasterKind.BIAS));
        }
        if (shorter.size() > 1) {
            return pair(ambiguous(MasterKind.DARK, shorter, dk, light), MasterMatch.notNeeded(MasterKind.BIAS));
        }
        MasterIndex.Entry dark = shorter.get(0);
        String scaled = "scaled from " + exposure(dark) + " s";
        MasterIndex.Entry presentBias = first(here, MasterKind.BIAS, e -> lv.sameAs(e.values(), keys.bias()));
        if (presentBias != null) {
            return pair(MasterMatch.of(MasterKind.DARK, MasterMatch.Status.SCALED, dark.master(), scaled),
                    MasterMatch.of(MasterKind.BIAS, MasterMatch.Status.PRESENT, presentBias.master(), "present"));
        }
        List<MasterIndex.Entry> bias = index.candidates(MasterKind.BIAS, keys.bias(), lv).stream()
                .filter(e -> lv.sameAs(e.values(), keys.bias())).toList();
        if (bias.size() == 1) {
            return pair(MasterMatch.of(MasterKind.DARK, MasterMatch.Status.SCALED, dark.master(), scaled),
                    MasterMatch.of(MasterKind.BIAS, MasterMatch.Status.EXACT, bias.get(0).master(), ""));
        }
        if (bias.size() > 1) {
            return pair(MasterMatch.of(MasterKind.DARK, MasterMatch.Status.MISSING, null,
                            missing + "; a shorter one needs a bias, and the bias is ambiguous"),
                    ambiguous(MasterKind.BIAS, bias, keys.bias(), light));
        }
        String noBias = "no master bias with " + describe(keys.bias(), light);
        return pair(MasterMatch.of(MasterKind.DARK, MasterMatch.Status.MISSING, null,
                        missing + "; the " + exposure(dark) + " s dark cannot be scaled without a bias"),
                MasterMatch.of(MasterKind.BIAS, MasterMatch.Status.MISSING, null, noBias));
    }

    /** Darks equal in every key but exposure and shorter than the lights, the longest of them (two or more: a tie). */
    private static List<MasterIndex.Entry> longestShorter(List<MasterIndex.Entry> entries, MatchValues lv, List<Field> dk) {
        Double lightExposure = number(lv.get(Field.EXPOSURE));
        if (lightExposure == null) {
            return List.of();
        }
        double best = Double.NEGATIVE_INFINITY;
        List<MasterIndex.Entry> out = new ArrayList<>();
        for (MasterIndex.Entry e : entries) {
            if (e.master().kind() != MasterKind.DARK || !lv.sameExcept(e.values(), dk, Field.EXPOSURE)) {
                continue;
            }
            Double x = number(e.values().get(Field.EXPOSURE));
            if (x == null || x >= lightExposure || x < best) {
                continue;
            }
            if (x > best) {
                best = x;
                out.clear();
            }
            out.add(e);
        }
        return out;
    }

    // ---- flats ----

    private MasterMatch flat(String rig, FrameMetadata light, MatchValues lv, CalibrationKeys keys,
                             List<LocalDate> rigChanges, List<MasterIndex.Entry> here, String folder) {
        List<Field> fk = keys.flats();
        MasterIndex.Entry p = first(here, MasterKind.FLAT, e -> lv.sameExcept(e.values(), fk, Field.DATE));
        if (p != null) {
            String date = p.values().get(Field.DATE);
            boolean other = fk.contains(Field.DATE) && date != null && !date.equals(lv.get(Field.DATE));
            return MasterMatch.of(MasterKind.FLAT, MasterMatch.Status.PRESENT, p.master(),
                    other ? "present (flat of " + date + ")" : "present");
        }
        List<MasterIndex.Entry> all = index.candidates(MasterKind.FLAT, fk, lv);
        List<MasterIndex.Entry> exact = all.stream().filter(e -> lv.sameAs(e.values(), fk)).toList();
        if (exact.size() == 1) {
            return MasterMatch.of(MasterKind.FLAT, MasterMatch.Status.EXACT, exact.get(0).master(), "");
        }
        if (exact.size() > 1) {
            return ambiguous(MasterKind.FLAT, exact, fk, light);
        }
        String missing = "no master flat with " + describe(fk, light);
        LocalDate night = date(lv.get(Field.DATE));
        if (!fk.contains(Field.DATE) || night == null) {
            return MasterMatch.of(MasterKind.FLAT, MasterMatch.Status.MISSING, null, missing);
        }
        if (policy.flatFallback() == FlatFallback.NONE) {
            return MasterMatch.of(MasterKind.FLAT, MasterMatch.Status.MISSING, null, missing);
        }
        TreeMap<LocalDate, List<MasterIndex.Entry>> byDate = new TreeMap<>();
        int acrossChange = 0;
        for (MasterIndex.Entry e : all) {
            LocalDate d = date(e.values().get(Field.DATE));
            if (d == null || d.equals(night) || !lv.sameExcept(e.values(), fk, Field.DATE)) {
                continue;
            }
            if (period(d, rigChanges) != period(night, rigChanges)) {
                acrossChange++;
                continue;
            }
            byDate.computeIfAbsent(d, k -> new ArrayList<>()).add(e);
        }
        if (byDate.isEmpty()) {
            return MasterMatch.of(MasterKind.FLAT, MasterMatch.Status.MISSING, null, missing
                    + (acrossChange > 0 ? "; flats of other nights exist only across a rig change" : ", on any night"));
        }
        LocalDate chosen;
        String how;
        switch (policy.flatFallback()) {
            case EARLIER -> {
                chosen = byDate.lowerKey(night);
                how = "earlier";
            }
            case LATER -> {
                chosen = byDate.higherKey(night);
                how = "later";
            }
            case NEAREST -> {
                LocalDate before = byDate.lowerKey(night);
                LocalDate after = byDate.higherKey(night);
                chosen = before == null ? after : after == null ? before
                        : days(night, after) < days(before, night) ? after : before;
                how = "nearer";
            }
            default -> {
                FlatDecider.Answer a = ask(rig, light, lv, fk, night, byDate, folder);
                if (!a.answered()) {
                    return new MasterMatch(MasterKind.FLAT, MasterMatch.Status.UNDECIDED, null,
                            byDate.values().stream().flatMap(List::stream).map(MasterIndex.Entry::master).toList(),
                            missing + "; flats of " + byDate.size() + " other night(s) wait for your choice");
                }
                if (a.date() == null || !byDate.containsKey(a.date())) {
                    return MasterMatch.of(MasterKind.FLAT, MasterMatch.Status.MISSING, null,
                            missing + "; you chose none of the other nights");
                }
                chosen = a.date();
                how = "chosen";
            }
        }
        if (chosen == null) {
            return MasterMatch.of(MasterKind.FLAT, MasterMatch.Status.MISSING, null,
                    missing + ", and no " + how + " one in the same rig period");
        }
        List<MasterIndex.Entry> at = byDate.get(chosen);
        if (at.size() > 1) {
            return ambiguous(MasterKind.FLAT, at, fk, light);
        }
        long d = ChronoUnit.DAYS.between(night, chosen);
        return MasterMatch.of(MasterKind.FLAT, MasterMatch.Status.FALLBACK, at.get(0).master(),
                "flat of " + chosen + ", " + Math.abs(d) + (Math.abs(d) == 1 ? " day " : " days ")
                        + (d < 0 ? "earlier" : "later"));
    }

    private FlatDecider.Answer ask(String rig, FrameMetadata light, MatchValues lv, List<Field> fk, LocalDate night,
                                   TreeMap<LocalDate, List<MasterIndex.Entry>> byDate, String folder) {
        StringBuilder key = new StringBuilder(rig).append('|').append(night);
        for (Field f : fk) {
            if (f != Field.DATE) {
                key.append('|').append(lv.get(f));
            }
        }
        return answers.computeIfAbsent(key.toString(), k -> {
            List<FlatDecider.Option> options = new ArrayList<>();
            byDate.forEach((d, list) -> options.add(new FlatDecider.Option(d, ChronoUnit.DAYS.between(night, d), list.size())));
            options.sort(Comparator.comparingLong((FlatDecider.Option o) -> Math.abs(o.days())).thenComparing(o -> o.days()));
            synchronized (this) {
                return decider.choose(new FlatDecider.Question(rig, night, light.get(Field.FILTER), folder, options));
            }
        });
    }

    /** The rig period of a night: how many rig changes happened on or before it. */
    static int period(LocalDate night, List<LocalDate> rigChanges) {
        int n = 0;
        for (LocalDate c : rigChanges) {
            if (!c.isAfter(night)) {
                n++;
            }
        }
        return n;
    }

    // ---- helpers ----

    private static MasterMatch[] pair(MasterMatch dark, MasterMatch bias) {
        return new MasterMatch[] {dark, bias};
    }

    private static MasterIndex.Entry first(List<MasterIndex.Entry> entries, MasterKind kind,
                                           java.util.function.Predicate<MasterIndex.Entry> p) {
        for (MasterIndex.Entry e : entries) {
            if (e.master().kind() == kind && p.test(e)) {
                return e;
            }
        }
        return null;
    }

    private static MasterMatch ambiguous(MasterKind kind, List<MasterIndex.Entry> entries, List<Field> keys,
                                         FrameMetadata light) {
        List<MasterFrame> masters = entries.stream().map(MasterIndex.Entry::master).toList();
        return new MasterMatch(kind, MasterMatch.Status.AMBIGUOUS, null, masters, masters.size() + " master "
                + kind.label() + "s fit " + describe(keys, light) + "; remove or rename all but one");
    }

    /** The light's values for the keys, as the user sees them in names: {@code EXPOSURE 300.00, GAIN 100}. */
    public static String describe(List<Field> keys, FrameMetadata light) {
        StringBuilder sb = new StringBuilder();
        for (Field f : keys) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            String v = light.get(f);
            sb.append(MasterNames.token(f)).append(' ').append(v == null ? "(none)" : v);
        }
        return sb.toString();
    }

    private static String exposure(MasterIndex.Entry e) {
        return e.values().get(Field.EXPOSURE);
    }

    private static Double number(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(String s) {
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static long days(LocalDate a, LocalDate b) {
        return ChronoUnit.DAYS.between(a, b);
    }
}
