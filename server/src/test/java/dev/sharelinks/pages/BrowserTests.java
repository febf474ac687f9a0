package dev.sharelinks.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import dev.sharelinks.organization.OrganizationService;
import dev.sharelinks.organization.Plan;
import dev.sharelinks.sharelink.LinkSettings;
import dev.sharelinks.sharelink.LinkType;
import dev.sharelinks.sharelink.ShareLink;
import dev.sharelinks.sharelink.ShareLinkService;
import dev.sharelinks.support.Grants;
import dev.sharelinks.support.HttpCalls;
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
import org.openqa.selenium.JavascriptExecutor;
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
 * A real browser (Debian's headless Chromium) opens the share page, presses Start, and the use is counted and handed
 * on: to the platform's launch page (the grant in the fragment, verified here against the service's key set), to
 * the page that embeds the frame (a message, only to an allowed origin), or to the Anam persona (a stand-in of
 * Anam's API and of its SDK, both on this machine). The frame page loads inside a page of an allowed origin and is
 * refused inside one of a disallowed origin.
 * Without Chromium these tests are skipped (and say so), unless SHARELINKS_REQUIRE_BROWSER=true, as in CI.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
class BrowserTests {

    private static final List<Path> CHROMIUM =
            List.of(Path.of("/usr/lib/chromium/chromium"), Path.of("/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static WebDriver browser;

    /** A port of its own, known before start: the public base URL (the pages' own origin) names it. */
    static final int PORT = freePort();

    /** The customer's site (embeds, the launch page) and the Anam SDK stand-in, on its own port. */
    static final HttpServer CUSTOMER = customerSite();

    /** A stand-in of Anam's API on this machine. */
    static final WireMockServer ANAM = anamStandIn();

    @DynamicPropertySource
    static void ownOrigin(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("sharelinks.public-base-url", () -> "http://127.0.0.1:" + PORT);
        registry.add("sharelinks.anam.sdk-url", () -> customer() + "/anam-sdk.js");
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
                "--autoplay-policy=no-user-gesture-required",
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
        ShareLink link = link(LinkType.LINK, List.of(), 3, null);
        browser.get(base() + "/share/" + link.token());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Browser persona");
        assertThat(browser.findElement(By.id("watermark")).getText()).contains("Anam");
        assertThat(usageCount(link)).isZero();

        browser.findElement(By.id("start")).click();
        waitForStatus("Session started");
        assertThat(browser.findElement(By.id("status")).getText()).contains("has not configured where it leads");
        assertThat(browser.findElement(By.id("uses")).getText()).isEqualTo("2 of 3 uses left.");
        assertThat(usageCount(link)).isEqualTo(1);
        assertThat(jdbc.sql("select last_used_at from share_links where id = :id")
                        .param("id", link.id())
                        .query(java.time.OffsetDateTime.class)
                        .single())
                .isNotNull();
    }

    @Test
    void aDoubleClickIsOneUseAndTheLastUseReplacesStart() {
        ShareLink link = link(LinkType.LINK, List.of(), 1, null);
        browser.get(base() + "/share/" + link.token());
        ((JavascriptExecutor) browser).executeScript("var b = document.getElementById('start'); b.click(); b.click();");
        waitForStatus("Session started");
        assertThat(usageCount(link)).isEqualTo(1);
        assertThat(browser.findElement(By.id("start")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("uses")).getText()).contains("used as many times as it allows");
    }

    @Test
    void aLinkPageSendsTheVisitorToTheLaunchUrlWithTheGrantInTheFragment() throws Exception {
        ShareLink link = link(LinkType.LINK, List.of(), 3, customer() + "/launch?from=sharelinks");
        browser.get(base() + "/share/" + link.token());
        browser.findElement(By.id("start")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(driver -> driver.getCurrentUrl().startsWith(customer() + "/launch?from=sharelinks#grant="));
        String grant = new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> {
            String text = driver.findElement(By.id("grant")).getText();
            return text.isBlank() ? null : text;
        });
        JWTClaimsSet claims =
                Grants.verify(grant, jwks(), base(), link.organizationId().toString());
        assertThat(claims.getStringClaim("link_id")).isEqualTo(link.id().toString());
        assertThat(claims.getIntegerClaim("use")).isEqualTo(1);
        // the launch page saw no Referer with the grant: the fragment never leaves the browser
        assertThat(CUSTOMER_REQUESTS.stream().filter(r -> r.startsWith("/launch")))
                .allSatisfy(request -> assertThat(request).doesNotContain("grant"));
    }

    @Test
    void aFrameOnAnAllowedOriginPostsItsGrantToThatPageOnly() throws Exception {
        // same server, two origins: 127.0.0.1 is allowed, localhost is not
        ShareLink link = link(LinkType.PLAYER_EMBED, List.of(customer()), 3, null);
        String frameUrl = base() + "/frame/" + link.token();

        browser.get(customer() + "/embed?src=" + frameUrl);
        browser.switchTo().frame("player");
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Browser persona"));
        browser.findElement(By.id("start")).click();
        waitForStatus("Session started");
        browser.switchTo().defaultContent();
        String received = new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> {
            String text = driver.findElement(By.id("received")).getText();
            return text.isBlank() ? null : text;
        });
        assertThat(usageCount(link)).isEqualTo(1);
        String grant = JsonPath.read(received, "$.grant");
        assertThat(JsonPath.<String>read(received, "$.type")).isEqualTo("sharelinks.session");
        assertThat(JsonPath.<String>read(received, "$.from")).isEqualTo(base());
        JWTClaimsSet claims =
                Grants.verify(grant, jwks(), base(), link.organizationId().toString());
        assertThat(claims.getStringClaim("origin")).isEqualTo(customer());
        assertThat(claims.getJWTID()).isEqualTo(JsonPath.read(received, "$.sessionId"));

        browser.get(customer().replace("127.0.0.1", "localhost") + "/embed?src=" + frameUrl);
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        browser.switchTo().frame("player");
        // Chromium refuses the frame (CSP frame-ancestors): an error page, no persona, no Start button, no message
        assertThat(browser.findElements(By.id("start"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("Browser persona");
        browser.switchTo().defaultContent();
        assertThat(browser.findElement(By.id("received")).getText()).isBlank();
        assertThat(usageCount(link)).isEqualTo(1);
    }

    @Test
    void withTheAnamHandOffThePageStartsThePersonaWithAnamsSessionToken() {
        ANAM.resetAll();
        ANAM.stubFor(WireMock.post(WireMock.urlEqualTo("/v1/auth/session-token"))
                .willReturn(WireMock.aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sessionToken\": \"anam-token-for-the-browser\"}")));
        ShareLink link = link(LinkType.LINK, List.of(), 3, null);
        organizations.putAnamCredential(link.organizationId(), "anam_browser_key", ANAM.baseUrl());
        browser.get(base() + "/share/" + link.token());
        browser.findElement(By.id("start")).click();
        waitForStatus("Connected.");
        assertThat(browser.findElement(By.id("status")).getAttribute("data-anam-token"))
                .isEqualTo("anam-token-for-the-browser");
        assertThat(browser.findElement(By.id("persona-video")).isDisplayed()).isTrue();
        assertThat(usageCount(link)).isEqualTo(1);
    }

    @Test
    void whenAnamHasNoCapacityTheVisitorReadsSoAndKeepsTheUse() {
        ANAM.resetAll();
        ANAM.stubFor(WireMock.post(WireMock.urlEqualTo("/v1/auth/session-token"))
                .willReturn(WireMock.aResponse().withStatus(503)));
        ShareLink link = link(LinkType.LINK, List.of(), 3, null);
        organizations.putAnamCredential(link.organizationId(), "anam_browser_key", ANAM.baseUrl());
        browser.get(base() + "/share/" + link.token());
        browser.findElement(By.id("start")).click();
        waitForStatus("No capacity right now");
        assertThat(usageCount(link)).isZero();
        assertThat(browser.findElement(By.id("start")).isEnabled()).isTrue();
    }

    // ---------------------------------------------------------------------------------------------------------

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private void waitForStatus(String text) {
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), text));
    }

    private String jwks() throws Exception {
        return HttpCalls.expect(200, "GET", base() + "/.well-known/jwks.json", null, null);
    }

    private ShareLink link(LinkType type, List<String> origins, int limit, String launchUrl) {
        UUID org = organizations
                .create("Browser org " + UUID.randomUUID(), new Plan(false, false), null, launchUrl, null)
                .id();
        UUID persona = organizations
                .putPersona(org, UUID.randomUUID(), "Browser persona")
                .id();
        ShareLink link = shareLinks.create(org, persona, Duration.ofHours(1), limit);
        return shareLinks.changeSettings(org, link.id(), new LinkSettings(null, type, origins, null, null, null));
    }

    private int usageCount(ShareLink link) {
        return jdbc.sql("select usage_count from share_links where id = :id")
                .param("id", link.id())
                .query(Integer.class)
                .single();
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String customer() {
        return "http://127.0.0.1:" + CUSTOMER.getAddress().getPort();
    }

    static final List<String> CUSTOMER_REQUESTS = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * The customer's site, reachable under two host names: a page that embeds the frame and shows what it was
     * sent, the platform's launch page (which shows the grant its fragment carries), and a stand-in of the Anam SDK
     * (an ES module whose client records the session token it was given).
     */
    private static HttpServer customerSite() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/embed", exchange -> {
                CUSTOMER_REQUESTS.add(exchange.getRequestURI().toString());
                String src = exchange.getRequestURI().getQuery().substring("src=".length());
                respond(
                        exchange,
                        "text/html; charset=utf-8",
                        "<!doctype html><html><body><h2>Customer site</h2>"
                                + "<pre id=\"received\"></pre>"
                                + "<iframe name=\"player\" src=\"" + src + "\" width=\"600\" height=\"400\"></iframe>"
                                + "<script>window.addEventListener('message', function (e) {"
                                + " var d = e.data; document.getElementById('received').textContent = JSON.stringify("
                                + "{type: d.type, sessionId: d.sessionId, grant: d.grant, from: e.origin}); });</script>"
                                + "</body></html>");
            });
            server.createContext("/launch", exchange -> {
                CUSTOMER_REQUESTS.add(exchange.getRequestURI() + " referer="
                        + exchange.getRequestHeaders().getFirst("Referer"));
                respond(
                        exchange,
                        "text/html; charset=utf-8",
                        "<!doctype html><html><body><h2>Platform</h2>"
                                + "<pre id=\"grant\"></pre><script>var h = location.hash;"
                                + " document.getElementById('grant').textContent ="
                                + " decodeURIComponent(h.substring(h.indexOf('grant=') + 6));</script></body></html>");
            });
            server.createContext("/anam-sdk.js", exchange -> {
                exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
                respond(
                        exchange,
                        "text/javascript",
                        "export function createClient(sessionToken) {"
                                + " return { streamToVideoElement: function (id) {"
                                + " document.getElementById('status').dataset.anamToken = sessionToken;"
                                + " return Promise.resolve(); } }; }");
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String type, String text)
            throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static WireMockServer anamStandIn() {
        WireMockServer server = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return server;
    }
}
