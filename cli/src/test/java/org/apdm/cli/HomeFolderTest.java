package org.apdm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11.1: a run with its own {@code $HOME} (or XDG folders) keeps everything there, not in the passwd home. */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "$HOME and XDG are the Linux and macOS conventions")
class HomeFolderTest {

    @TempDir
    Path tmp;

    private String apdm(Map<String, String> env, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.apdm.cli.ApdmCli"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("XDG_") || k.equals("APDM_CONFIG"));
        pb.environment().putAll(env);
        Path log = Files.createTempFile(tmp, "out", ".txt");
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "apdm finishes");
        String out = Files.readString(log);
        assertEquals(ExitCodes.OK, p.exitValue(), out);
        return out;
    }

    @Test
    void configInitAndTheStateFolderFollowHome() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        String passwdHome = System.getProperty("user.home");
        apdm(Map.of("HOME", home.toString()), "config", "init");
        assertTrue(Files.isRegularFile(home.resolve(".config/apdm/config.yaml")), "written below $HOME");

        JsonNode shown = new ObjectMapper().readTree(apdm(Map.of("HOME", home.toString()), "config", "show", "--json"));
        assertEquals(home.resolve(".config/apdm/config.yaml").toString(), shown.get("configuration").asText());
        assertEquals(home.resolve(".local/state/apdm").toString(), shown.get("stateDir").asText());
        assertEquals(home.resolve(".local/share/apdm/astrophotography.sqlite").toString(), shown.get("database").asText());
        assertTrue(!shown.toString().contains(passwdHome + "/") || passwdHome.startsWith(home.toString()),
                "nothing in the passwd home: " + shown);
    }

    @Test
    void xdgFoldersWinOverHome() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Map<String, String> env = Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", tmp.resolve("cfg").toString(),
                "XDG_DATA_HOME", tmp.resolve("share").toString(), "XDG_STATE_HOME", tmp.resolve("st").toString());
        apdm(env, "config", "init");
        assertTrue(Files.isRegularFile(tmp.resolve("cfg/apdm/config.yaml")));
        JsonNode shown = new ObjectMapper().readTree(apdm(env, "config", "show", "--json"));
        assertEquals(tmp.resolve("st/apdm").toString(), shown.get("stateDir").asText());
        assertEquals(tmp.resolve("share/apdm/astrophotography.sqlite").toString(), shown.get("database").asText());
    }
}
