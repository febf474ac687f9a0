package dev.sharelinks.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.sharelinks.organization.OrganizationService;
import dev.sharelinks.organization.Plan;
import dev.sharelinks.sharelink.LinkSettings;
import dev.sharelinks.sharelink.LinkType;
import dev.sharelinks.sharelink.ShareLink;
import dev.sharelinks.sharelink.ShareLinkService;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real browser (Debian's headless Chromium) opens the share page, presses Start, and the use is counted;
 * the frame page loads inside a page of an allowed origin and is refused inside one of a disallowed origin.
 * Without Chromium these tests are skipped (and say so), unless SHARELINKS_REQUIRE_BROWSER=true, as in CI.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
class BrowserTests {

    private static final List<Path> CHROMIUM =
            List.of(Path.of("/usr/lib/chromium/chromium"), Path.of("/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static WebDriver browser;
    private static HttpServer embedder;

    /** A port of its own, known before start: the public base URL (the pages' own origin) names it. */
    static final int PORT = freePort();

    @DynamicPropertySource
    static void ownOrigin(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("sharelinks.public-base-url", () -> "http://127.0.0.1:" + PORT);
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    int port = PORT;

    @Autowired
    OrganizationService organizations;

    @Autowired
    ShareLinkService shareLinks;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() throws IOException {
        Path chromium =
                CHROMIUM.stream().filter(Files::isExecutable).findFirst().orElse(null);
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
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (embedder != null) {
            embedder.stop(0);
        }
    }

    @Test
    void theApiReferenceShowsEverySurfaceFromTheSpecFilesAndLoadsNothingFromElsewhere() {
        String base = "http://127.0.0.1:" + port;
        browser.get(base + "/docs");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        var surfaces = java.util.Map.of(
                "Anam share links (vendor API)", "/v1/share-links/{id}",
                "Cekura shareable result links (vendor API)",
                        "/test_framework/v1/results/{id}/create_shareable_link_token/",
                "Share-link settings and token rotation (owner API)", "/v1/share-links/{id}/token",
                "Public link status and sessions", "/v1/public/share-links/{token}/sessions",
                "Operator API", "/admin/v1/audit-events");
        var picker = new org.openqa.selenium.support.ui.Select(
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".topbar select"))));
        assertThat(picker.getOptions().stream().map(option -> option.getText()).toList())
                .containsExactlyInAnyOrderElementsOf(surfaces.keySet());
        for (var surface : surfaces.entrySet()) {
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector(".topbar select")))
                    .selectByVisibleText(surface.getKey());
            wait.until(driver -> driver.findElements(By.cssSelector(".opblock-summary-path")).stream()
                    .anyMatch(path -> surface.getValue().equals(path.getAttribute("data-path"))));
        }
        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return performance.getEntriesByType('resource').map(e => e.name)");
        assertThat(loaded).isNotEmpty().allMatch(url -> url.startsWith(base + "/"), "loaded from this server");
        assertThat(loaded).anyMatch(url -> url.endsWith("/docs/specs/cekura/results.yaml"));
    }

    @Test
    void openingThePageCountsNothingAndPressingStartCountsOneUse() {
        ShareLink link = link(LinkType.LINK, List.of());
        browser.get("http://127.0.0.1:" + port + "/share/" + link.token());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Browser persona");
        assertThat(browser.findElement(By.id("watermark")).getText()).contains("Anam");
        assertThat(usageCount(link)).isZero();

        browser.findElement(By.id("start")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Session started"));
        assertThat(browser.findElement(By.id("status")).getText()).contains("Uses left: 2");
        assertThat(usageCount(link)).isEqualTo(1);
        assertThat(jdbc.sql("select last_used_at from share_links where id = :id")
                        .param("id", link.id())
                        .query(java.time.OffsetDateTime.class)
                        .single())
                .isNotNull();
    }

    @Test
    void theFrameLoadsOnlyInsideAnAllowedOrigin() throws IOException {
        int embedderPort = startEmbedder();
        // same server, two origins: 127.0.0.1 is allowed, localhost is not
        ShareLink link = link(LinkType.PLAYER_EMBED, List.of("http://127.0.0.1:" + embedderPort));
        String frameUrl = "http://127.0.0.1:" + port + "/frame/" + link.token();

        browser.get("http://127.0.0.1:" + embedderPort + "/embed?src=" + frameUrl);
        browser.switchTo().frame("player");
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Browser persona"));
        browser.findElement(By.id("start")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Session started"));
        browser.switchTo().defaultContent();
        assertThat(usageCount(link)).isEqualTo(1);

        browser.get("http://localhost:" + embedderPort + "/embed?src=" + frameUrl);
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> "complete"
                        .equals(((org.openqa.selenium.JavascriptExecutor) d)
                                .executeScript("return document.readyState")));
        browser.switchTo().frame("player");
        // Chromium refuses the frame (CSP frame-ancestors): an error page, no persona, no Start button
        assertThat(browser.findElements(By.id("start"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("Browser persona");
        browser.switchTo().defaultContent();
        assertThat(usageCount(link)).isEqualTo(1);
    }

    private ShareLink link(LinkType type, List<String> origins) {
        UUID org = organizations
                .create("Browser org " + UUID.randomUUID(), new Plan(false, false), null)
                .id();
        UUID persona = organizations
                .putPersona(org, UUID.randomUUID(), "Browser persona")
                .id();
        ShareLink link = shareLinks.create(org, persona, Duration.ofHours(1), 3);
        return shareLinks.changeSettings(org, link.id(), new LinkSettings(null, type, origins, null, null, null));
    }

    private int usageCount(ShareLink link) {
        return jdbc.sql("select usage_count from share_links where id = :id")
                .param("id", link.id())
                .query(Integer.class)
                .single();
    }

    /** A customer's page that embeds the frame: served on its own port, reachable under two host names. */
    private static synchronized int startEmbedder() throws IOException {
        if (embedder == null) {
            embedder = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            embedder.createContext("/embed", exchange -> {
                String src = exchange.getRequestURI().getQuery().substring("src=".length());
                byte[] page = ("<!doctype html><html><body><h2>Customer site</h2>"
                                + "<iframe name=\"player\" src=\"" + src + "\" width=\"600\" height=\"400\"></iframe>"
                                + "</body></html>")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
                exchange.close();
            });
            embedder.start();
        }
        return embedder.getAddress().getPort();
    }
}
