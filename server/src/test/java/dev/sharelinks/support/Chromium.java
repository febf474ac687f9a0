package dev.sharelinks.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's headless Chromium through chromedriver, for the browser tests: skipped (and saying so) when it is not
 * installed, unless SHARELINKS_REQUIRE_BROWSER=true, as in CI.
 */
public final class Chromium {

    private static final List<Path> BINARIES =
            List.of(Path.of("/usr/lib/chromium/chromium"), Path.of("/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {}

    public static WebDriver start() throws IOException {
        Path chromium =
                BINARIES.stream().filter(Files::isExecutable).findFirst().orElse(null);
        boolean available = chromium != null && Files.isExecutable(CHROMEDRIVER);
        if (!available && "true".equals(System.getenv("SHARELINKS_REQUIRE_BROWSER"))) {
            throw new IllegalStateException("SHARELINKS_REQUIRE_BROWSER=true but chromium/chromedriver are missing "
                    + "(apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(
                available, "Browser tests skipped: no Chromium here (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toString());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-dev-shm-usage",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--autoplay-policy=no-user-gesture-required",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(java.time.Duration.ofSeconds(30));
        browser.manage().window().setSize(new Dimension(1280, 900));
        return browser;
    }

    public static Path shots() throws IOException {
        return Files.createDirectories(Path.of("target", "screenshots"));
    }

    /** The whole page, not only the window (the DevTools protocol captures beyond the viewport). */
    @SuppressWarnings("unchecked")
    public static void screenshot(WebDriver browser, String name) throws IOException {
        ChromeDriver chrome = (ChromeDriver) browser;
        Map<String, Object> metrics = chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> shot = chrome.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of(
                                "x",
                                0,
                                "y",
                                0,
                                "width",
                                ((Number) size.get("width")).doubleValue(),
                                "height",
                                Math.min(6000, ((Number) size.get("height")).doubleValue()),
                                "scale",
                                1)));
        Files.write(shots().resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    /** What the page's console said since the last call (Chromium logs CSP violations there). */
    public static List<String> logs(WebDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .toList();
    }
}
