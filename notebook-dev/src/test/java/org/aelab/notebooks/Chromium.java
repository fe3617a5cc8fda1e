package org.aelab.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real headless Chromium with the network off: opens a copy of an HTML export to which a small
 * script is appended that, once the page has loaded, writes into attributes of {@code <body>} how many
 * Plotly figures drew their SVG and how many images decoded (those of the page and those drawn in
 * Plotly figures); then reads them from the dumped DOM.
 * Chromium's net log tells which network requests the page tried (they fail, the network being off,
 * but are logged): {@code network-requests} counts them and {@code network-urls} lists them.
 */
final class Chromium {

    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable", "chrome");

    private static final String PROBE = """
            <script>
            window.addEventListener('load', function () {
              // images drawn inside Plotly figures (image traces: <g class="im"><image href=…>) are not in
              // document.images; each is decoded again as an Image to see that its PNG is sound
              var inFigures = [];
              setTimeout(function () {
                document.querySelectorAll('.js-plotly-plot g.im image').forEach(function (svgImage) {
                  var copy = new Image();
                  copy.src = svgImage.getAttribute('href') || svgImage.getAttribute('xlink:href') || '';
                  inFigures.push(copy);
                });
              }, 1000);
              setTimeout(function () {
                var decoded = 0, broken = 0;
                var all = Array.prototype.slice.call(document.images).concat(inFigures);
                for (var i = 0; i < all.length; i++) {
                  var img = all[i];
                  if (img.complete && img.naturalWidth > 0) { decoded++; } else { broken++; }
                }
                var b = document.body;
                b.setAttribute('data-aelab-images-decoded', decoded);
                b.setAttribute('data-aelab-images-broken', broken);
                b.setAttribute('data-aelab-plotly-plots', document.querySelectorAll('.js-plotly-plot').length);
                b.setAttribute('data-aelab-plotly-svgs', document.querySelectorAll('svg.main-svg').length);
                b.setAttribute('data-aelab-window-plotly', typeof window.Plotly);
              }, 2000);
            });
            </script>
            """;

    private Chromium() {
    }

    /** The browser executable, or an AssertionError saying how to get one. */
    static Path executable() {
        String configured = System.getenv("AELAB_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            for (String name : NAMES) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new AssertionError("no Chromium or Chrome on PATH (looked for " + NAMES + "); the browser check needs"
                + " one: `sudo apt-get install chromium` on Debian/Ubuntu (`make setup` does this when run as root),"
                + " or put chromium/google-chrome on PATH, or set AELAB_CHROMIUM=/path/to/chrome");
    }

    /** Opens {@code html} offline and returns the probe's counts (attribute name without prefix → value). */
    static Map<String, String> probe(Path html, Path workDir) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        String page = Files.readString(html);
        int end = page.lastIndexOf("</body>");
        if (end < 0) {
            throw new AssertionError(html + " has no </body>: not an nbconvert HTML export");
        }
        Path probed = workDir.resolve("probed.html");
        Files.writeString(probed, page.substring(0, end) + PROBE + page.substring(end));
        Path profile = Files.createTempDirectory(workDir, "profile");
        List<String> command = new ArrayList<>(List.of(executable().toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--mute-audio",
                // no network: every host name fails to resolve and any proxy use goes to a closed port
                "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
                "--user-data-dir=" + profile, "--log-net-log=" + workDir.resolve("netlog.json"),
                "--virtual-time-budget=15000", "--run-all-compositor-stages-before-draw",
                "--dump-dom", probed.toUri().toString()));
        Path dom = workDir.resolve("dom.html");
        Path log = workDir.resolve("chromium.log");
        Process process = new ProcessBuilder(command).redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw new AssertionError("Chromium did not finish within 120 s on " + html + "; log: " + log);
        }
        String body = Files.readString(dom);
        Matcher tag = Pattern.compile("<body[^>]*>").matcher(body);
        if (process.exitValue() != 0 || !tag.find()) {
            throw new AssertionError("Chromium exited " + process.exitValue() + " without a DOM for " + html
                    + "; log " + log + ":\n" + Files.readString(log));
        }
        Map<String, String> found = new HashMap<>();
        List<String> requests = pageRequests(workDir.resolve("netlog.json"));
        found.put("network-requests", Integer.toString(requests.size()));
        found.put("network-urls", String.join(" ", requests));
        Matcher attribute = Pattern.compile("data-aelab-([a-z-]+)=\"([^\"]*)\"").matcher(tag.group());
        while (attribute.find()) {
            found.put(attribute.group(1), attribute.group(2));
        }
        if (!found.containsKey("plotly-plots")) {
            throw new AssertionError("the probe script did not run in Chromium for " + html
                    + " (page load did not finish within the virtual time budget?); DOM in " + dom);
        }
        return found;
    }

    /**
     * URLs other than file:, data: and blob: that the page itself asked for: the net log's
     * URL_REQUEST_START_JOB events whose network isolation key is the file:// page's. Chromium's own
     * background requests (update checks, accounts) carry another key and are not the page's.
     */
    static List<String> pageRequests(Path netLog) throws IOException {
        JsonNode log;
        try {
            log = ExecutedNotebook.JSON.readTree(netLog.toFile());
        } catch (IOException e) {
            throw new AssertionError("Chromium's net log " + netLog + " is unreadable: " + e.getMessage(), e);
        }
        int startJob = log.path("constants").path("logEventTypes").path("URL_REQUEST_START_JOB").asInt(-1);
        if (startJob < 0) {
            throw new AssertionError(netLog + " names no URL_REQUEST_START_JOB event type: not a Chromium net log?");
        }
        List<String> urls = new ArrayList<>();
        for (JsonNode event : log.path("events")) {
            JsonNode params = event.path("params");
            String url = params.path("url").asText("");
            if (event.path("type").asInt() == startJob && params.path("network_isolation_key").asText("").contains("file://")
                    && !(url.startsWith("file:") || url.startsWith("data:") || url.startsWith("blob:"))) {
                urls.add(url);
            }
        }
        return urls;
    }
}
