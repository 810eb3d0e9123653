package org.apdm.core.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apdm.core.metadata.PathTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Fixed vectors of reliability-anchors §4 (rule 15 and the rules it exercises). */
class PathSanitizerTest {

    private static final Path ROOT = Path.of("/archive/Data");
    private static final String EMOJI = "\uD83D\uDD2D"; // 🔭, one code point, two UTF-16 units, four UTF-8 bytes

    // ---- rule 15: the fixed vectors, each with its exact expected output ----

    static Stream<Arguments> ruleFifteenVectors() {
        return Stream.of(
                arguments("dot dot", "..", "_unknown"),
                arguments("dot", ".", "_unknown"),
                arguments("empty", "", "_unknown"),
                arguments("blanks", "   ", "_unknown"),
                arguments("slash", "/", "_"),
                arguments("backslash", "\\", "_"),
                arguments("traversal", "a/../../b", "a_.._.._b"),
                arguments("drive letter", "C:\\x", "C__x"),
                arguments("UNC path", "\\\\server\\share", "__server_share"),
                arguments("NUL", "NUL", "NUL_"),
                arguments("con.fits", "con.fits", "con_.fits"),
                arguments("COM superscript one", "COM\u00b9", "COM\u00b9_"),
                arguments("LPT0", "LPT0", "LPT0_"),
                arguments("CONIN$", "CONIN$", "CONIN$_"),
                arguments("trailing dot", "name.", "name"),
                arguments("trailing blank", "name ", "name"),
                arguments("leading blank", " name", "name"),
                arguments("NUL character", "\u0000x", "x"),
                arguments("right-to-left override", "\u202Etxt.exe", "txt.exe"),
                arguments("Café NFC", "Caf\u00e9", "Caf\u00e9"),
                arguments("Café NFD", "Cafe\u0301", "Caf\u00e9"),
                arguments("M31", "M31", "M31"),
                arguments("m31", "m31", "m31"),
                arguments("DATE-OBS", "2024-01-01T22:13:01.123", "2024-01-01T22_13_01.123"),
                arguments("NGC 7000 / Pelican", "NGC 7000 / Pelican", "NGC 7000 _ Pelican"),
                arguments("Ha/OIII", "Ha/OIII", "Ha_OIII"),
                arguments("IC 1396?", "IC 1396?", "IC 1396_"),
                // FITS writes it 'O''HARA'; the decoded value keeps its apostrophe, which is legal everywhere
                arguments("O'HARA", "O'HARA", "O'HARA"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleFifteenVectors")
    void fixedVectorsOfRuleFifteen(String label, String raw, String expected) {
        assertEquals(expected, PathSanitizer.component(raw));
    }

    /**
     * rclone's encoder categories (lib/encoder), one input each: what Windows or a shell would choke on
     * is replaced, what every file system accepts is kept as the user wrote it.
     */
    static Stream<Arguments> rcloneEncoderCategories() {
        return Stream.of(
                arguments("Slash", "a/b", "a_b"),
                arguments("LtGt", "<a>", "_a_"),
                arguments("DoubleQuote", "\"a\"", "_a_"),
                arguments("Colon", "a:b", "a_b"),
                arguments("Question", "a?b", "a_b"),
                arguments("Asterisk", "a*b", "a_b"),
                arguments("Pipe", "a|b", "a_b"),
                arguments("BackSlash", "a\\b", "a_b"),
                arguments("Ctl", "a\u0001b\u001f", "ab"),
                arguments("Del", "a\u007fb", "ab"),
                arguments("C1 controls", "\u0080a\u009fb\u0085", "ab"),
                arguments("CrLf", "a\r\nb", "a b"),
                arguments("RightCrLfHtVt", "a\t\u000b\r\n", "a"),
                arguments("LeftSpace", "  a", "a"),
                arguments("RightSpace", "a  ", "a"),
                arguments("LeftPeriod", ".a", "_a"),
                arguments("RightPeriod", "a..", "a"),
                arguments("Dot", "...", "_unknown"),
                arguments("InvalidUtf8 (lone low surrogate)", "a\uDC80", "a_"),
                arguments("InvalidUtf8 (lone high surrogate)", "\uD800b", "_b"),
                arguments("SquareBracket kept", "[a]", "[a]"),
                arguments("SemiColon kept", "a;b", "a;b"),
                arguments("Exclamation kept", "a!", "a!"),
                arguments("SingleQuote kept", "'a'", "'a'"),
                arguments("BackQuote kept", "`a`", "`a`"),
                arguments("Dollar kept", "$a", "$a"),
                arguments("Hash kept", "#a", "#a"),
                arguments("Percent kept (optional rule not applied)", "100%", "100%"),
                arguments("LeftTilde kept (optional rule not applied)", "~a", "~a"),
                arguments("full-width slash is a letter, not a separator", "a\uFF0Fb", "a\uFF0Fb"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rcloneEncoderCategories")
    void rcloneEncoderVectors(String label, String raw, String expected) {
        assertEquals(expected, PathSanitizer.component(raw));
    }

    @Test
    void cafeWrittenComposedOrDecomposedGivesOneFolder() {
        String composed = PathSanitizer.component("Caf\u00e9");
        String decomposed = PathSanitizer.component("Cafe\u0301");
        assertEquals(composed, decomposed);
        assertEquals(4, decomposed.length(), "NFC: é is one character");
    }

    @Test
    void caseIsKeptSoM31AndM31StayTheUsersSpelling() {
        // collisions by case are the engine's business (rule 12); the sanitiser must not fold case
        assertNotEquals(PathSanitizer.component("M31"), PathSanitizer.component("m31"));
    }

    // ---- rule 9: length limits and the hash suffix ----

    @Test
    void a300CharacterValueIsCutTo100WithTheHashOfTheOriginal() {
        String raw = "a".repeat(300);
        String out = PathSanitizer.component(raw);
        // 9835fa6b = first 8 hex digits of SHA-256("a" x 300), checked with sha256sum
        assertEquals("a".repeat(91) + "~9835fa6b", out);
        assertEquals(100, out.length());
    }

    @Test
    void twoLongValuesWithTheSamePrefixStayDistinct() {
        String prefix = "Sh2-129 Flying Bat and Ou4 Squid ".repeat(4).substring(0, 100);
        String one = prefix + "x".repeat(200);
        String two = prefix + "y".repeat(200);
        assertEquals(300, one.length());
        String a = PathSanitizer.component(one);
        String b = PathSanitizer.component(two);
        assertNotEquals(a, b);
        assertTrue(a.length() <= 100 && b.length() <= 100);
        assertEquals(a.substring(0, a.length() - 9), b.substring(0, b.length() - 9), "same readable head");
        assertEquals("~" + sha8(one), a.substring(a.length() - 9));
        assertEquals("~" + sha8(two), b.substring(b.length() - 9));
    }

    @Test
    void anEmojiAtTheCutPointIsNeverSplit() {
        // 90 + 2 units + 9 for the suffix = 101 > 100: the emoji does not fit and is dropped whole
        String raw = "a".repeat(90) + EMOJI + "b".repeat(50);
        assertEquals("a".repeat(90) + "~" + sha8(raw), PathSanitizer.component(raw));
        // 87 + 4 bytes + 9 = exactly 100 bytes: the emoji fits and is kept whole
        String fits = "a".repeat(87) + EMOJI + "b".repeat(100);
        assertEquals("a".repeat(87) + EMOJI + "~" + sha8(fits), PathSanitizer.component(fits));
        // 88 + 4 + 9 = 101 bytes although only 99 UTF-16 units: the byte limit drops it
        String bytes = "a".repeat(88) + EMOJI + "b".repeat(100);
        assertEquals("a".repeat(88) + "~" + sha8(bytes), PathSanitizer.component(bytes));
    }

    @Test
    void multiByteTextIsLimitedByUtf8Bytes() {
        String accents = "\u00e9".repeat(200);
        // 45 x 2 bytes + 9 = 99 bytes; df20b2aa checked with Python's hashlib
        assertEquals("\u00e9".repeat(45) + "~df20b2aa", PathSanitizer.component(accents));
        String emoji = EMOJI.repeat(100);
        assertEquals(EMOJI.repeat(22) + "~13ef81ca", PathSanitizer.component(emoji));
    }

    @Test
    void aCutNeverLeavesATrailingDotOrBlankBeforeTheHash() {
        String raw = "a".repeat(89) + ". " + "b".repeat(100);
        String out = PathSanitizer.component(raw);
        assertEquals("a".repeat(89) + "~" + sha8(raw), out);
    }

    @Test
    void a100CharacterValueIsKeptAsIs() {
        String raw = "x".repeat(100);
        assertEquals(raw, PathSanitizer.component(raw));
    }

    // ---- rule 8: Windows device names ----

    @ParameterizedTest
    @ValueSource(strings = {"CON", "con", "PRN", "AUX", "NUL", "COM0", "com9", "COM\u00b2", "COM\u00b3", "LPT1",
        "LPT\u00b9", "LPT\u00b3", "CONIN$", "conout$"})
    void deviceNamesGetAnUnderscore(String device) {
        assertEquals(device + "_", PathSanitizer.component(device));
        assertEquals(device + "_.fits", PathSanitizer.component(device + ".fits"));
    }

    @Test
    void deviceNameCheckLooksAtThePartBeforeTheFirstDot() {
        assertEquals("nul_.tar.gz", PathSanitizer.component("nul.tar.gz"));
        assertEquals("CON_", PathSanitizer.component("CON."), "trailing dot trimmed first, then CON is seen");
        assertEquals("AUX_", PathSanitizer.component(" AUX "));
    }

    @Test
    void aDeviceNameFollowedByBlanksBeforeTheDotIsStillADevice() {
        // Windows ignores blanks before the extension: "CON .fits" opens the console (cpython#95486, ntpath.isreserved)
        assertEquals("CON_ .fits", PathSanitizer.component("CON .fits"));
        assertEquals("nul_ .txt", PathSanitizer.component("nul  .txt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CONSOLE", "NULL", "COM10", "LPT", "AUXILIARY.fits", "M 1", "CON_", "xCON"})
    void namesThatOnlyLookLikeDevicesAreKept(String name) {
        assertEquals(name, PathSanitizer.component(name));
    }

    // ---- rules 3, 5, 6: characters, whitespace, dots ----

    @Test
    void invisibleAndControlCharactersAreRemoved() {
        assertEquals("M31", PathSanitizer.component("M\u200b3\u200c1\u200d\ufeff"));
        assertEquals("abc", PathSanitizer.component("\u2066a\u202ab\u202cc\u2069"));
        // the ESC of a terminal colour code goes, so the name cannot repaint a terminal
        assertEquals("a[0mb", PathSanitizer.component("a\u0000\u0007\u001b[0mb"));
    }

    @Test
    void whitespaceRunsCollapseToOneBlank() {
        assertEquals("M 31 core", PathSanitizer.component("M  31\t\tcore\n"));
        assertEquals("M 31", PathSanitizer.component("M\u00a031"), "no-break space");
        assertEquals("M 31", PathSanitizer.component("M\u3000\u2003 31"), "ideographic and em spaces");
    }

    @Test
    void leadingDotIsReplacedSoTheFolderIsNotHidden() {
        assertEquals("_hidden", PathSanitizer.component(".hidden"));
        assertEquals("_hidden", PathSanitizer.component("  .hidden"));
        assertEquals("_..x", PathSanitizer.component("...x"));
    }

    @Test
    void nullBecomesThePlaceholder() {
        assertEquals("_unknown", PathSanitizer.component(null));
    }

    // ---- fileName: rule 13 ----

    @ParameterizedTest
    @ValueSource(strings = {".fits", ".FITS", ".fit", ".Fts", ".xisf", ".XISF", ".cr2"})
    void fileNameKeepsTheExtensionAsWritten(String extension) {
        assertEquals("2023-12-08_04-46-31" + extension, PathSanitizer.fileName("2023-12-08_04-46-31", extension));
    }

    @Test
    void fileNameAcceptsTheExtensionWithOrWithoutItsDot() {
        assertEquals("x.fits", PathSanitizer.fileName("x", "fits"));
        assertEquals("x", PathSanitizer.fileName("x", ""));
        assertEquals("x", PathSanitizer.fileName("x", null));
    }

    @Test
    void fileNameShortensOnlyTheStem() {
        String stem = "2023-12-08_04-46-31_HFR_" + "9".repeat(300);
        String name = PathSanitizer.fileName(stem, ".fits");
        assertEquals(100, name.length());
        assertTrue(name.endsWith("~" + sha8(stem) + ".fits"), name);
        assertTrue(name.startsWith("2023-12-08_04-46-31_HFR_9"), name);
    }

    @Test
    void fileNameSanitisesTheStem() {
        assertEquals("CON_.fits", PathSanitizer.fileName("CON", ".fits"));
        assertEquals("_unknown.fits", PathSanitizer.fileName("", ".fits"));
        assertEquals("a_b.fits", PathSanitizer.fileName("a:b", ".fits"));
        assertEquals("a.fits", PathSanitizer.fileName("a. ", ".fits"));
    }

    // ---- tokenValue: a value inside KEY_value ----

    @Test
    void tokenValueTurnsUnderscoresIntoDashes() {
        assertEquals("-10.00", PathSanitizer.tokenValue("-10.00"));
        assertEquals("Ha-OIII", PathSanitizer.tokenValue("Ha_OIII"));
        assertEquals("2.51", PathSanitizer.tokenValue("2.51"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ha/OIII", "Ha_OIII", "L:eXtreme", "..", "\u200b", ".x", "a?b"})
    void aSanitisedTokenValueReadsBackAsOneValue(String filter) {
        // the archive is re-read later (PATH_FIRST): FILTER 'Ha/OIII' must not come back as FILTER 'Ha'
        String value = PathSanitizer.tokenValue(filter);
        assertFalse(value.contains("_"), value);
        String folder = PathSanitizer.component("FILTER_" + value + "_EXP_300.00");
        PathTokens tokens = PathTokens.parse(List.of(folder, "2024-01-01_22-13-01.fits"));
        assertEquals(value, tokens.get("FILTER"));
        assertEquals("300.00", tokens.get("EXP"));
    }

    // ---- resolve: rules 1, 10, 11 ----

    @Test
    void resolveBuildsThePathBelowTheRoot() throws UnsafePathException {
        Path p = PathSanitizer.resolve(ROOT, List.of("M 31", "DATE_2024-01-01", "x.fits"));
        assertEquals(ROOT.resolve("M 31").resolve("DATE_2024-01-01").resolve("x.fits"), p);
    }

    @Test
    void resolveNormalisesARelativeRoot() throws UnsafePathException {
        Path p = PathSanitizer.resolve(Path.of("archive/./x/../Data"), List.of("a"));
        assertTrue(p.isAbsolute());
        assertEquals(Path.of("archive/Data").toAbsolutePath().resolve("a"), p);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", ""})
    void resolveRefusesSpecialNames(String name) {
        UnsafePathException e = assertThrows(UnsafePathException.class,
                () -> PathSanitizer.resolve(ROOT, List.of("a", name, "b")));
        assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "a\\b", "/etc/passwd", "a/../../b", "..\\..\\Windows", "C:\\x"})
    void resolveRefusesSeparators(String name) {
        UnsafePathException e = assertThrows(UnsafePathException.class,
                () -> PathSanitizer.resolve(ROOT, List.of(name)));
        assertTrue(e.getMessage().contains("not a single safe folder or file name"), e.getMessage());
    }

    @Test
    void resolveRefusesEscapingTheRoot() {
        assertThrows(UnsafePathException.class, () -> PathSanitizer.resolve(ROOT, List.of("..", "etc", "passwd")));
        assertThrows(UnsafePathException.class, () -> PathSanitizer.resolve(ROOT, List.of("a", "..", "..", "b")));
        UnsafePathException e = assertThrows(UnsafePathException.class, () -> PathSanitizer.resolve(ROOT, List.of()));
        assertTrue(e.getMessage().contains("would leave"), "the root itself is not a destination: " + e.getMessage());
    }

    @Test
    void aSanitisedHostileValueStaysDirectlyBelowTheRoot() throws UnsafePathException {
        for (String hostile : List.of("../../etc", "..", "/", "\\\\server\\share", "C:\\Windows", "a/../../../b")) {
            Path p = PathSanitizer.resolve(ROOT, List.of(PathSanitizer.component(hostile)));
            assertEquals(ROOT, p.getParent(), hostile);
        }
    }

    @Test
    void resolveAcceptsExactly240Characters() throws UnsafePathException {
        List<String> names = List.of("x".repeat(100), "y".repeat(100), "z".repeat(38));
        assertEquals(240, String.join("/", names).length());
        assertTrue(PathSanitizer.resolve(ROOT, names).startsWith(ROOT));
    }

    @Test
    void resolveRefusesPathsOver240CharactersAndSaysSo() {
        List<String> names = List.of("x".repeat(100), "y".repeat(100), "z".repeat(39));
        UnsafePathException e = assertThrows(UnsafePathException.class, () -> PathSanitizer.resolve(ROOT, names));
        assertTrue(e.getMessage().contains("241") && e.getMessage().contains("240"), e.getMessage());
    }

    static String sha8(String raw) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
