package org.apdm.core.location;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the light-pollution line of Clear Outside's forecast page ({@code https://clearoutside.com/forecast/<lat>/<long>}):
 * "Sky Quality: 19.53 Magnitude. Class 5 Bortle. 1.67 mcd/m2 Brightness. 1501.15 μcd/m2 Artificial Brightness."
 *
 * <p>Polite: waits at least {@link #MIN_INTERVAL} between requests (the old script's 15 s). A page it cannot
 * parse (the site changed) is an {@link IOException} saying so; callers keep the old values.
 */
public final class ClearOutsideProvider implements SkyQualityProvider {

    public static final Duration MIN_INTERVAL = Duration.ofSeconds(15);
    public static final String BASE = "https://clearoutside.com/forecast/";

    private static final Pattern LINE = Pattern.compile(
            "Sky Quality:\\s*([.0-9]+)\\s*Magnitude.*?Class\\s*([0-9]+)\\s*Bortle\\.?\\s*([.0-9]+)\\s*mcd/m2\\s*Brightness"
                    + ".*?([.0-9]+)\\s*(?:μ|&micro;|&#956;|u)cd/m2\\s*Artificial", Pattern.DOTALL);

    /** Waits; injectable so tests do not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final String base;
    private final HttpClient client;
    private final Sleeper sleeper;
    private final java.util.function.LongSupplier nanoTime;
    private long lastRequest = Long.MIN_VALUE;

    public ClearOutsideProvider() {
        this(BASE, d -> Thread.sleep(d.toMillis()), System::nanoTime);
    }

    /** @param base the page address up to the coordinates (a local stub in tests) */
    public ClearOutsideProvider(String base, Sleeper sleeper, java.util.function.LongSupplier nanoTime) {
        this.base = base.endsWith("/") ? base : base + "/";
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.sleeper = sleeper;
        this.nanoTime = nanoTime;
    }

    @Override
    public String name() {
        return "Clear Outside";
    }

    @Override
    public synchronized SkyQuality fetch(double latitude, double longitude) throws IOException {
        waitTurn();
        URI uri = URI.create(base + String.format(Locale.ROOT, "%.2f/%.2f", latitude, longitude));
        HttpResponse<String> response;
        try {
            response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("User-Agent", "apdm (astrophotography data manager)").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking " + uri);
        } finally {
            lastRequest = nanoTime.getAsLong();
        }
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered HTTP " + response.statusCode());
        }
        return parse(response.body(), uri.toString());
    }

    private void waitTurn() throws IOException {
        if (lastRequest == Long.MIN_VALUE) {
            return;
        }
        long waited = nanoTime.getAsLong() - lastRequest;
        long rest = MIN_INTERVAL.toNanos() - waited;
        if (rest > 0) {
            try {
                sleeper.sleep(Duration.ofNanos(rest));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting between requests");
            }
        }
    }

    /** Reads the values from a page; the page's HTML tags and non-breaking spaces are ignored. */
    public static SkyQuality parse(String html, String source) throws IOException {
        String text = html.replaceAll("<[^>]*>", " ").replace("&nbsp;", " ").replace('\u00a0', ' ')
                .replaceAll("\\s+", " ");
        Matcher m = LINE.matcher(text);
        if (!m.find()) {
            throw new IOException("the page " + source + " has no sky quality line apdm can read (the site may have "
                    + "changed); the old values are kept");
        }
        return new SkyQuality(m.group(1), Integer.valueOf(m.group(2)), m.group(3), m.group(4));
    }
}
