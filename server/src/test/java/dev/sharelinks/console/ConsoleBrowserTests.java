package dev.sharelinks.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.sharelinks.support.Chromium;
import dev.sharelinks.support.HttpCalls;
import dev.sharelinks.support.HttpCalls.Tenant;
import dev.sharelinks.support.ServerProcess;
import java.net.ServerSocket;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The operator console in real Chromium: sign in with the admin token, find an organisation, revoke a key (the key
 * then gets 401), open a link (its chart's points are the usage API's numbers), disable it and rotate its token, a
 * persona's chart, sign out; a wrong token is refused with a 401 and, past the failure limit, with a 429. Every
 * page is saved as a screenshot under target/screenshots, and none breaks its CSP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTests {

    static final int PORT = freePort();
    static final String BASE = "http://127.0.0.1:" + PORT;
    static final int FAILURES_PER_MINUTE = 4;

    @DynamicPropertySource
    static void ownPort(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("sharelinks.public-base-url", () -> BASE);
        registry.add("sharelinks.rate-limit.auth-failures-per-minute", () -> FAILURES_PER_MINUTE);
    }

    private static WebDriver browser;
    private static Tenant tenant;
    private static String linkId;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Chromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void signInFindTheOrganisationRevokeAKeyAndSeeALinksUses() throws Exception {
        tenant = Tenant.create(BASE, "Console Co " + PORT);
        String link = HttpCalls.expect(
                201,
                "POST",
                BASE + "/v1/share-links",
                tenant.bearer(),
                "{\"personaId\": \"" + tenant.personaId() + "\", \"usageLimit\": 50}");
        linkId = JsonPath.read(link, "$.id");
        String token = JsonPath.read(link, "$.token");
        for (int i = 0; i < 3; i++) {
            HttpCalls.expect(201, "POST", BASE + "/v1/public/share-links/" + token + "/sessions", null, null);
        }
        String spare = HttpCalls.expect(
                201,
                "POST",
                BASE + "/admin/v1/organizations/" + tenant.orgId() + "/api-keys",
                "Bearer " + ServerProcess.ADMIN_TOKEN,
                "{\"name\": \"spare key\"}");

        browser.get(BASE + "/console");
        assertThat(browser.getCurrentUrl()).isEqualTo(BASE + "/console/sign-in");
        Chromium.screenshot(browser, "console-sign-in");
        signIn(ServerProcess.ADMIN_TOKEN);
        assertThat(browser.getCurrentUrl()).isEqualTo(BASE + "/console");

        browser.findElement(By.id("search")).sendKeys("Console Co " + PORT);
        browser.findElement(By.cssSelector("form.search button")).click();
        waitFor(By.linkText("Console Co " + PORT));
        Chromium.screenshot(browser, "console-organizations");
        browser.findElement(By.linkText("Console Co " + PORT)).click();
        waitFor(By.id("keys"));
        assertThat(browser.findElement(By.id("links")).getText())
                .contains("3 of 50")
                .contains("active");
        Chromium.screenshot(browser, "console-organization");

        String spareId = JsonPath.read(spare, "$.id");
        String spareKey = JsonPath.read(spare, "$.key");
        assertThat(status("/v1/share-links", "Bearer " + spareKey)).isEqualTo(200);
        browser.findElement(By.id("revoke-" + spareId)).click();
        waitFor(By.id("notice"));
        assertThat(browser.findElement(By.cssSelector("tr[data-key='" + spareId + "']"))
                        .getText())
                .contains("revoked");
        assertThat(status("/v1/share-links", "Bearer " + spareKey)).isEqualTo(401);
        assertThat(status("/v1/share-links", tenant.bearer())).isEqualTo(200);

        browser.findElement(By.cssSelector("tr[data-link='" + linkId + "'] a")).click();
        waitFor(By.id("usage-chart"));
        assertThat(chartCounts()).isEqualTo(usageCounts("/v1/share-links/" + linkId + "/usage"));
        assertThat(chartCounts().stream().mapToLong(Long::longValue).sum()).isEqualTo(3);
        assertThat(browser.findElement(By.cssSelector("#qr svg")).isDisplayed()).isTrue();
        Chromium.screenshot(browser, "console-link");
        assertNoCspViolation();
    }

    @Test
    @Order(2)
    void disableEnableAndRotateALinkThenAPersonasChart() throws Exception {
        browser.get(BASE + "/console/organizations/" + tenant.orgId() + "/links/" + linkId);
        String before = browser.findElement(By.id("public-url")).getText();
        browser.findElement(By.id("toggle")).click();
        waitFor(By.id("notice"));
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("disabled");
        String token = before.substring(before.lastIndexOf('/') + 1);
        assertThat(status("/v1/public/share-links/" + token, null)).isEqualTo(410); // disabled: gone, for now
        browser.findElement(By.id("toggle")).click();
        settled().until(d -> d.findElement(By.id("state")).getText().equals("active"));
        browser.findElement(By.id("rotate")).click();
        settled().until(d -> !d.findElement(By.id("public-url")).getText().equals(before));
        assertThat(status("/v1/public/share-links/" + token, null)).isEqualTo(404);

        browser.get(BASE + "/console/organizations/" + tenant.orgId() + "/personas/" + tenant.personaId());
        waitFor(By.id("usage-chart"));
        assertThat(chartCounts()).isEqualTo(usageCounts("/v1/personas/" + tenant.personaId() + "/usage"));
        Chromium.screenshot(browser, "console-persona");
        assertNoCspViolation();
    }

    @Test
    @Order(3)
    void signingOutEndsTheSession() {
        browser.get(BASE + "/console");
        browser.findElement(By.id("sign-out")).click();
        waitFor(By.id("signed-out"));
        browser.get(BASE + "/console/organizations/" + tenant.orgId());
        assertThat(browser.getCurrentUrl()).isEqualTo(BASE + "/console/sign-in");
    }

    /** Last: it spends the failure limit of this machine's one address. */
    @Test
    @Order(4)
    void aWrongTokenIsRefusedAndThenRateLimited() throws Exception {
        browser.get(BASE + "/console/sign-in");
        signIn("not-the-admin-token");
        assertThat(browser.findElement(By.id("refusal")).getText()).isEqualTo("That is not the admin token.");
        int attempts = 1;
        while (!browser.getPageSource().contains("Too Many Requests") && attempts <= FAILURES_PER_MINUTE + 1) {
            signIn("still-not-it-" + attempts++);
        }
        assertThat(browser.getPageSource())
                .as("after " + attempts + " wrong tokens")
                .contains("Too Many Requests");
        assertThat(attempts).isLessThanOrEqualTo(FAILURES_PER_MINUTE);
        // the limit is spent: even the right token is not checked now
        signIn(ServerProcess.ADMIN_TOKEN);
        assertThat(browser.getPageSource()).contains("Too Many Requests");
        assertThat(browser.getCurrentUrl()).isEqualTo(BASE + "/console/sign-in");
    }

    private static void signIn(String token) {
        if (!browser.getCurrentUrl().startsWith(BASE + "/console/sign-in")) {
            browser.get(BASE + "/console/sign-in");
        }
        if (browser.findElements(By.id("token")).isEmpty()) {
            browser.get(BASE + "/console/sign-in");
        }
        browser.findElement(By.id("token")).sendKeys(token);
        WebElement button = browser.findElement(By.id("sign-in"));
        button.click();
        // a form's click returns before the answer has replaced the page: wait until it has
        new WebDriverWait(browser, java.time.Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(button));
    }

    /** Waits across a page load: an element read while the old page goes is just read again. */
    private static WebDriverWait settled() {
        WebDriverWait wait = new WebDriverWait(browser, java.time.Duration.ofSeconds(10));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    private static void waitFor(By element) {
        new WebDriverWait(browser, java.time.Duration.ofSeconds(15))
                .until(d -> !d.findElements(element).isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static List<Long> chartCounts() {
        Object data = new WebDriverWait(browser, java.time.Duration.ofSeconds(15))
                .until(d -> ((JavascriptExecutor) d)
                        .executeScript("var chart = window.echarts && echarts.getInstanceByDom(document.getElementById("
                                + "'usage-chart')); return chart ? chart.getOption().series[0].data : null;"));
        return ((List<Object>) data).stream().map(n -> ((Number) n).longValue()).toList();
    }

    private static List<Long> usageCounts(String path) throws Exception {
        String usage = HttpCalls.expect(200, "GET", BASE + path + "?interval=day&timeZone=UTC", tenant.bearer(), null);
        List<Number> counts = JsonPath.read(usage, "$.buckets[*].count");
        return counts.stream().map(Number::longValue).collect(Collectors.toList());
    }

    private static int status(String path, String authorization) throws Exception {
        return HttpCalls.send("GET", BASE + path, authorization, null).statusCode();
    }

    private static void assertNoCspViolation() {
        List<String> violations = Chromium.logs(browser).stream()
                .filter(line -> line.contains("Content Security Policy") || line.contains("Refused to"))
                .toList();
        assertThat(violations).as("CSP violations in the console").isEmpty();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
