package dev.jobsuccess.score;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Headless Chromium driven through chromedriver's W3C WebDriver HTTP API with java.net.http: no Selenium. Chromium gets
 * no network beyond loopback (a dead proxy for everything else, and every host name but 127.0.0.1 unresolvable).
 * bin/test installs Debian's chromium and chromium-driver where they are missing.
 */
final class WebDriver implements AutoCloseable {

    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long a page may take to show what a test waits for, on a loaded machine; never a pause. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Process chromedriver;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String session;

    private WebDriver(Process chromedriver, String base, String session) {
        this.chromedriver = chromedriver;
        this.base = base;
        this.session = session;
    }

    /** The executables, or a failure saying how to get them: a browser test must not pass by not running. */
    static Path executable(String name, String... candidates) {
        for (String candidate : candidates) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return path;
            }
        }
        String pathVariable = System.getenv().getOrDefault("PATH", "");
        for (String dir : pathVariable.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name);
            }
        }
        throw new IllegalStateException(name + " is not installed: the browser test needs Debian's chromium and chromium-driver "
                + "(bin/test installs them; by hand: apt-get install -y chromium chromium-driver)");
    }

    static WebDriver start() {
        Path chromium = executable("chromium", "/usr/bin/chromium");
        Path driverPath = executable("chromedriver", "/usr/bin/chromedriver");
        int port = freePort();
        Process process;
        try {
            process = new ProcessBuilder(driverPath.toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
                    .redirectErrorStream(true).redirectOutput(Path.of("target", "chromedriver.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("chromedriver did not start", e);
        }
        String base = "http://127.0.0.1:" + port;
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            try {
                HttpResponse<String> status = client.send(HttpRequest.newBuilder(URI.create(base + "/status")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (JSON.readTree(status.body()).at("/value/ready").asBoolean()) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                process.destroy();
                throw new IllegalStateException("chromedriver did not become ready (see score-service/target/chromedriver.log)");
            }
            pause();
        }
        List<String> args = List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,2000", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--disable-sync", "--disable-component-update",
                // Everything but loopback goes to a dead proxy (Chromium sends loopback direct by default; a bypass list
                // of <-loopback> would send the page itself there too), and no host name but 127.0.0.1 resolves.
                "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1");
        Map<String, Object> capabilities = Map.of("capabilities", Map.of("alwaysMatch", Map.of("browserName", "chrome",
                "goog:chromeOptions", Map.of("binary", chromium.toString(), "args", args))));
        WebDriver driver = new WebDriver(process, base, null);
        JsonNode created;
        try {
            created = driver.call("POST", "/session", capabilities);
        } catch (RuntimeException e) {
            process.destroy();
            throw e;
        }
        return new WebDriver(process, base, created.at("/sessionId").asText());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One WebDriver command; its "value". */
    private JsonNode call(String method, String path, Object body) {
        String uri = base + (session == null ? path : "/session/" + session + path);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/json");
            request = switch (method) {
                case "GET" -> request.GET();
                case "DELETE" -> request.DELETE();
                default -> request.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body == null ? Map.of() : body)));
            };
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = JSON.readTree(response.body());
            if (response.statusCode() >= 400) {
                throw new IllegalStateException("WebDriver " + method + " " + path + ": " + response.statusCode() + " "
                        + json.at("/value/error").asText() + ": " + json.at("/value/message").asText());
            }
            return json.get("value");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void open(String url) {
        call("POST", "/url", Map.of("url", url));
    }

    /** The first element matching the CSS selector, or null. */
    String find(String css) {
        JsonNode found = call("POST", "/elements", Map.of("using", "css selector", "value", css));
        return found.isEmpty() ? null : found.get(0).get(ELEMENT).asText();
    }

    List<String> findAll(String css) {
        List<String> ids = new ArrayList<>();
        call("POST", "/elements", Map.of("using", "css selector", "value", css)).forEach(e -> ids.add(e.get(ELEMENT).asText()));
        return ids;
    }

    String text(String element) {
        return call("GET", "/element/" + element + "/text", null).asText();
    }

    String attribute(String element, String name) {
        JsonNode value = call("GET", "/element/" + element + "/attribute/" + name, null);
        return value == null || value.isNull() ? null : value.asText();
    }

    void type(String element, String text) {
        call("POST", "/element/" + element + "/clear", null);
        call("POST", "/element/" + element + "/value", Map.of("text", text));
    }

    void click(String element) {
        call("POST", "/element/" + element + "/click", null);
    }

    /** Chooses the option with this value in a select element. */
    void select(String selectCss, String value) {
        String option = find(selectCss + " option[value='" + value + "']");
        if (option == null) {
            throw new IllegalStateException("no option " + value + " in " + selectCss);
        }
        click(option);
    }

    /** Runs a script in the page; its return value. */
    JsonNode script(String script, Object... args) {
        return call("POST", "/execute/sync", Map.of("script", script, "args", List.of(args)));
    }

    /** Waits until the condition holds: what the page shows after its requests answer. Fails after PATIENCE. */
    <T> T until(String what, Supplier<T> condition) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            T value = condition.get();
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the page never showed " + what + " (page text: "
                        + script("return document.body.innerText;").asText() + ")");
            }
            pause();
        }
    }

    /** Between two polls: leaves the shared cores to the browser and the service. */
    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, Base64.getDecoder().decode(call("GET", "/screenshot", null).asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                call("DELETE", "", null);
            }
        } finally {
            chromedriver.destroy();
        }
    }
}
