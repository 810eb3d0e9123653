package org.apdm.core.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Site matching, and the Clear Outside provider against a local stub server (never the internet). */
class SitesTest {

    static final String PAGE = "<div class=\"fc_detail_row\"><span>Sky Quality: <strong>19.53</strong>&nbsp;Magnitude."
            + " Class&nbsp;<strong>5</strong>&nbsp;Bortle. <strong>1.67</strong>&nbsp;mcd/m2&nbsp;Brightness. "
            + "<strong>1501.15</strong>&nbsp;&#956;cd/m2&nbsp;Artificial Brightness.</span></div>";

    HttpServer server;
    final AtomicReference<String> body = new AtomicReference<>(PAGE);
    final List<String> paths = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/forecast/", ex -> {
            synchronized (paths) {
                paths.add(ex.getRequestURI().getPath());
            }
            byte[] b = body.get().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/forecast/";
    }

    @Test
    void readsTheSkyQualityLineAndWaitsFifteenSecondsBetweenRequests() throws IOException {
        AtomicLong now = new AtomicLong(0);
        List<Duration> slept = new ArrayList<>();
        ClearOutsideProvider p = new ClearOutsideProvider(base(), d -> {
            slept.add(d);
            now.addAndGet(d.toNanos());
        }, now::get);
        assertEquals(new SkyQuality("19.53", 5, "1.67", "1501.15"), p.fetch(35.6, -78.8));
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        p.fetch(36.7, -78.7);
        assertEquals(List.of(Duration.ofSeconds(11)), slept, "15 s after the previous request, not more");
        assertEquals(List.of("/forecast/35.60/-78.80", "/forecast/36.70/-78.70"), paths);
    }

    @Test
    void aPageItCannotReadIsAnErrorSoTheOldValuesAreKept() {
        body.set("<html><body>We have redesigned our site!</body></html>");
        ClearOutsideProvider p = new ClearOutsideProvider(base(), d -> { }, System::nanoTime);
        IOException e = assertThrows(IOException.class, () -> p.fetch(35.6, -78.8));
        assertTrue(e.getMessage().contains("no sky quality line") && e.getMessage().contains("old values are kept"),
                e.getMessage());
    }

    @Test
    void nearestSiteWithinTheDistanceOrNoneWithAReason() {
        SiteMatcher m = new SiteMatcher(DefaultSites.ALL, 25);
        assertEquals("RL", m.match(null, "35.6", "-78.8").site().name());
        assertEquals("BW", m.match(null, "35.8", "-79.0").site().name());
        SiteMatcher.Match far = m.match(null, "48.1", "11.6");
        assertNull(far.site());
        assertTrue(far.warning().contains("km from the nearest site"), far.warning());
        assertEquals("3BA", m.match("3ba", "35.6", "-78.8").site().name(), "a site named in the path wins");
        SiteMatcher.Match unknown = m.match("Bigwoods", null, null);
        assertNull(unknown.site());
        assertTrue(unknown.warning().contains("LOCATION_Bigwoods in the path is not a known site"));
        assertEquals(0.0, SiteMatcher.distanceKm(35.6, -78.8, 35.6, -78.8), 1e-9);
        assertEquals(22.2, SiteMatcher.distanceKm(35.6, -78.8, 35.8, -78.8), 0.1);
    }
}
