package dev.sharelinks.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import dev.sharelinks.organization.Branding;
import dev.sharelinks.organization.OrganizationChanges;
import dev.sharelinks.organization.OrganizationChanges.Given;
import dev.sharelinks.organization.OrganizationService;
import dev.sharelinks.organization.PersonaDetails;
import dev.sharelinks.organization.Plan;
import dev.sharelinks.result.ResultService;
import dev.sharelinks.sharelink.LinkSettings;
import dev.sharelinks.sharelink.LinkType;
import dev.sharelinks.sharelink.ShareLink;
import dev.sharelinks.sharelink.ShareLinkService;
import dev.sharelinks.support.Chromium;
import dev.sharelinks.support.Grants;
import dev.sharelinks.support.HttpCalls;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
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
        browser = Chromium.start();
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
                "Operator API", "/admin/v1/audit-events",
                "Webhooks (endpoints, deliveries, events)", "/v1/webhook-endpoints/{id}/secret");
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

    /** "Try it out" calls the instance the page is on, whatever its port (#21: the specs named fixed hosts). */
    @Test
    void tryItOutCallsThisInstance() {
        ShareLink link = link(LinkType.LINK, List.of(), 3, null);
        browser.get(base() + "/docs");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        new org.openqa.selenium.support.ui.Select(
                        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".topbar select"))))
                .selectByVisibleText("Public link status and sessions");
        var operation = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".opblock-get .opblock-summary-path[data-path='/v1/public/share-links/{token}']")));
        operation.click();
        // Swagger UI renders the opened operation after the click: wait for it and its button, not find them at once
        var block = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock-get.is-open")));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".opblock-get.is-open .try-out__btn")))
                .click();
        wait.until(driver ->
                        block.findElements(By.cssSelector(".parameters input")).isEmpty()
                                ? null
                                : block.findElements(By.cssSelector(".parameters input"))
                                        .get(0))
                .sendKeys(link.token());
        block.findElement(By.cssSelector(".execute")).click();
        String status = wait.until(driver -> {
            var cells = driver.findElements(
                    By.cssSelector(".opblock-get.is-open .live-responses-table tbody .response-col_status"));
            return cells.isEmpty() || cells.get(0).getText().isBlank()
                    ? null
                    : cells.get(0).getText();
        });
        String requestUrl = browser.findElement(By.cssSelector(".opblock-get.is-open .request-url pre"))
                .getText();
        assertThat(requestUrl).isEqualTo(base() + "/v1/public/share-links/" + link.token());
        assertThat(status).as(requestUrl).startsWith("200");
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

    // --- how the pages look (#16): the report, brands by plan, small frames, contrast, screenshots ----------------

    @Test
    void theReportOfAVendorShapedDocumentShowsEveryFieldAndTheBrandOfAWhitelabelOrganisation() throws Exception {
        UUID org = organizations
                .create(
                        "Acme Labs",
                        new Plan(false, true),
                        null,
                        null,
                        null,
                        new Branding("Acme QA", "#7b2ff7", null, false))
                .id();
        organizations.putLogo(org, LOGO_SVG);
        String url = sharedResult(org, THREE_RUNS);
        logs();
        browser.get(url);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Checkout flow regression");
        assertThat(browser.findElements(By.tagName("h1"))).hasSize(1);
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        String summary = browser.findElement(By.id("summary")).getText();
        assertThat(summary)
                .contains("Support agent", "completed", "66.7 %", "2 of 3", "scheduled", "v42")
                .contains("Runs\n3", "Completed\n3", "Succeeded\n2", "Failed\n1");
        WebElement first = browser.findElement(By.id("run-1"));
        assertThat(first.getText())
                .contains(
                        "Passed",
                        "Refund request",
                        "Impatient caller",
                        "02:14",
                        "30 Nov 2026, 09:12 UTC",
                        "score 1",
                        "The agent offered the refund.",
                        "Politeness",
                        "4.5",
                        "Calm throughout.",
                        "I want my money back.",
                        "00:01",
                        "USER",
                        "AGENT");
        assertThat(first.findElements(By.tagName("audio"))).hasSize(1);
        assertThat(first.findElement(By.tagName("audio")).getAttribute("src")).isEqualTo(customer() + "/refund.wav");
        WebElement second = browser.findElement(By.id("run-2"));
        assertThat(second.getText()).contains("Failed", "Address change", "Error: The agent hung up.", "score 0");
        assertThat(second.findElements(By.tagName("audio"))).isEmpty();
        WebElement third = browser.findElement(By.id("run-3"));
        assertThat(third.getText())
                .contains("Not judged", "Other fields", "custom_flag", "retries", "plain transcript");
        assertThat(browser.findElement(By.id("report")).getText())
                .contains("Other fields", "project", "\"owner\" : \"qa\"");
        // the brand, no vendor mark; its logo and colour come from this server
        assertThat(browser.findElement(By.id("brand")).getText()).isEqualTo("Acme QA");
        assertThat(browser.findElement(By.id("brand-logo")).getAttribute("src"))
                .isEqualTo(base() + "/brand/" + org + "/logo");
        assertThat(browser.findElements(By.id("watermark"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector(".verdict.passed")).getCssValue("color"))
                .isNotBlank();
        assertReadable();
        assertNoCspViolation();
        screenshot("report-branded");
        print("report-print");
    }

    @Test
    void withoutABrandOrAfterADowngradeTheReportHasTheDefaultLookAndTheVendorsMark() throws Exception {
        UUID plain =
                organizations.create("Plain Co", new Plan(false, true), null).id();
        browser.get(sharedResult(plain, "{\"name\": \"Nightly\", \"status\": \"passed\", \"runs\": []}"));
        assertThat(browser.findElement(By.id("watermark")).getText()).isEqualTo("Powered by Cekura");
        assertThat(browser.findElements(By.id("brand"))).isEmpty();
        screenshot("report-default");

        UUID branded = organizations
                .create(
                        "Branded Co",
                        new Plan(false, true),
                        null,
                        null,
                        null,
                        new Branding("Branded", null, null, false))
                .id();
        String url = sharedResult(branded, "{\"name\": \"Nightly\"}");
        browser.get(url);
        assertThat(browser.findElement(By.id("brand")).getText()).isEqualTo("Branded");
        organizations.update(
                branded, new OrganizationChanges(null, null, false, Given.NOT_GIVEN, Given.NOT_GIVEN, Given.NOT_GIVEN));
        browser.get(url);
        assertThat(browser.findElements(By.id("brand")))
                .as("the plan no longer allows it")
                .isEmpty();
        assertThat(browser.findElement(By.id("watermark")).getText()).isEqualTo("Powered by Cekura");
        assertNoCspViolation();
    }

    @Test
    void aDocumentWithNoFieldTheReportKnowsStillReadsWell() throws Exception {
        UUID org = organizations.create("Odd Co", new Plan(false, true), null).id();
        browser.get(sharedResult(org, "{\"score\": 0.93, \"calls\": [{\"id\": 1, \"outcome\": \"success\"}]}"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Test result ");
        assertThat(browser.findElement(By.id("other-heading")).getText()).isEqualTo("The result");
        assertThat(browser.findElement(By.id("report")).getText())
                .contains("score", "0.93", "calls", "\"outcome\" : \"success\"");
        assertReadable();
        screenshot("report-unknown-fields");
    }

    @Test
    void thePersonaPageCarriesTheBrandOnlyWhereThePlanRemovesTheWatermark() throws Exception {
        UUID org = organizations
                .create(
                        "Brand Co",
                        new Plan(true, false),
                        null,
                        null,
                        null,
                        new Branding("Brand Co Support", "#0b6e4f", null, false))
                .id();
        UUID persona = organizations
                .putPersona(
                        org,
                        UUID.randomUUID(),
                        new PersonaDetails(
                                "Ava", null, "Answers questions about your order.", customer() + "/avatar.png"))
                .id();
        ShareLink link = shareLinks.create(org, persona, Duration.ofHours(2), 5);
        browser.get(base() + "/share/" + link.token());
        assertThat(browser.findElement(By.id("watermark")).getText()).isEqualTo("Powered by Anam");
        assertThat(browser.findElement(By.id("description")).getText())
                .isEqualTo("Answers questions about your order.");
        assertThat(browser.findElement(By.id("avatar")).getAttribute("src")).isEqualTo(customer() + "/avatar.png");
        assertThat(browser.findElement(By.id("start")).getAccessibleName()).isEqualTo("Start");
        assertReadable();
        screenshot("share");

        shareLinks.changeSettings(org, link.id(), new LinkSettings(null, null, null, null, true, null));
        browser.get(base() + "/share/" + link.token());
        assertThat(browser.findElement(By.id("brand")).getText()).isEqualTo("Brand Co Support");
        assertThat(browser.findElements(By.id("watermark"))).isEmpty();
        // the accent colour's text is readable on it
        assertReadable();
        assertNoCspViolation();
        screenshot("share-branded");

        // Start from the keyboard
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getAttribute("id")).isEqualTo("start");
        focused.sendKeys(Keys.ENTER);
        waitForStatus("Session started");
        assertThat(usageCount(link)).isEqualTo(1);
        screenshot("share-after-start");
    }

    @Test
    void theFrameFitsSmallFramesWithItsMarkAndStartVisible() throws Exception {
        UUID org =
                organizations.create("Frame Co", new Plan(false, false), null).id();
        UUID persona = organizations
                .putPersona(
                        org,
                        UUID.randomUUID(),
                        new PersonaDetails("Concierge with a rather long name", null, "Helps you pick a plan.", null))
                .id();
        ShareLink link = shareLinks.create(org, persona, Duration.ofHours(2), 5);
        link = shareLinks.changeSettings(
                org, link.id(), new LinkSettings(null, LinkType.PLAYER_EMBED, List.of(customer()), null, null, null));
        for (int[] size : new int[][] {{600, 260}, {300, 250}}) {
            browser.get(
                    customer() + "/embed?w=" + size[0] + "&h=" + size[1] + "&src=" + base() + "/frame/" + link.token());
            WebElement frame = new WebDriverWait(browser, Duration.ofSeconds(15))
                    .until(ExpectedConditions.presenceOfElementLocated(By.name("player")));
            browser.switchTo().frame(frame);
            new WebDriverWait(browser, Duration.ofSeconds(15))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("start")));
            for (String id : List.of("start", "watermark")) {
                assertThat(insideTheViewport(browser.findElement(By.id(id))))
                        .as("#%s inside a %dx%d frame", id, size[0], size[1])
                        .isTrue();
            }
            assertReadable();
            browser.switchTo().defaultContent();
            Files.write(
                    shots().resolve("frame-" + size[0] + "x" + size[1] + ".png"),
                    frame.getScreenshotAs(OutputType.BYTES));
        }
    }

    @Test
    void everyPageAVisitorCanMeetIsFinished() throws Exception {
        UUID org =
                organizations.create("States Co", new Plan(false, true), null).id();
        UUID persona = organizations
                .putPersona(org, UUID.randomUUID(), "State persona")
                .id();
        ShareLink disabled = shareLinks.create(org, persona, Duration.ofHours(1), 2);
        shareLinks.changeSettings(org, disabled.id(), new LinkSettings(false, null, null, null, null, null));
        ShareLink usedUp = shareLinks.create(org, persona, Duration.ofHours(1), 1);
        jdbc.sql("update share_links set usage_count = 1 where id = :id")
                .param("id", usedUp.id())
                .update();
        ShareLink expired = shareLinks.create(org, persona, Duration.ofHours(1), 1);
        jdbc.sql("update share_links set expires_at = :t where id = :id")
                .param("t", java.time.OffsetDateTime.now().minusHours(1))
                .param("id", expired.id())
                .update();
        var states = new java.util.LinkedHashMap<String, String>();
        states.put("error-link-not-found", base() + "/share/sh_nothing_here");
        states.put("error-link-disabled", base() + "/share/" + disabled.token());
        states.put("error-link-used-up", base() + "/share/" + usedUp.token());
        states.put("error-link-expired", base() + "/share/" + expired.token());
        states.put("error-result-not-found", base() + "/share/result/1/NoSuchToken0000000000000000000000");
        for (var state : states.entrySet()) {
            browser.get(state.getValue());
            assertThat(browser.findElements(By.tagName("h1")))
                    .as(state.getKey())
                    .hasSize(1);
            assertThat(browser.findElement(By.tagName("h1")).getText())
                    .as(state.getKey())
                    .isNotBlank();
            assertReadable();
            screenshot(state.getKey());
        }
        assertNoCspViolation();
    }

    // ---------------------------------------------------------------------------------------------------------

    static final byte[] LOGO_SVG = ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"40\">"
                    + "<rect width=\"120\" height=\"40\" rx=\"8\" fill=\"#7b2ff7\"/>"
                    + "<text x=\"60\" y=\"26\" font-size=\"18\" text-anchor=\"middle\" fill=\"#fff\">ACME</text></svg>")
            .getBytes(StandardCharsets.UTF_8);

    static final String THREE_RUNS = """
            {"name": "Checkout flow regression", "agent_name": "Support agent", "status": "completed",
             "success_rate": 0.6667, "met_expected_outcome_count": 2, "total_expected_outcome_count": 3,
             "total_runs": 3, "completed_runs": 3, "success_runs": 2, "failed_runs": 1, "run_type": "scheduled",
             "agent_version": "v42", "project": {"owner": "qa"},
             "runs": [
              {"scenario_name": "Refund request", "personality_name": "Impatient caller", "success": true,
               "duration": "02:14", "executed_at": "2026-11-30T09:12:00Z", "error_message": null,
               "expected_outcome": {"score": 1, "explanation": ["The agent offered the refund."], "outcome_alignments": []},
               "evaluation": {"metrics": [{"name": "Politeness", "type": "score", "score": 4.5,
                                           "explanation": "Calm throughout.", "extra": {"model": "judge-2"}}]},
               "transcript_object": [{"role": "user", "content": "I want my money back.", "timestamp": "00:01"},
                                     {"role": "agent", "content": "I can help with that.", "timestamp": "00:03"}],
               "voice_recording_url": "%s/refund.wav"},
              {"scenario_name": "Address change", "personality_name": "Confused caller", "success": false,
               "duration": "00:41", "executed_at": "2026-11-30T09:15:00Z", "error_message": "The agent hung up.",
               "expected_outcome": {"score": 0, "explanation": ["The address was not changed."]},
               "evaluation": {"metrics": []}},
              {"scenario_name": "Small talk", "transcript": "plain transcript of the call", "custom_flag": true,
               "retries": [1, 2]}
             ]}""";

    private String sharedResult(UUID org, String document) {
        long id = 800_000 + RESULTS.incrementAndGet();
        results.put(org, id, document.formatted(customer()));
        var link = results.createShareLink(org, id, () -> null);
        return base() + "/share/result/" + id + "/" + link.token();
    }

    private static final java.util.concurrent.atomic.AtomicInteger RESULTS =
            new java.util.concurrent.atomic.AtomicInteger((int) (Math.random() * 100_000));

    @Autowired
    ResultService results;

    /** Every element with text of its own reads at WCAG AA contrast (4.5:1, large text 3:1) on its background. */
    private void assertReadable() {
        @SuppressWarnings("unchecked")
        List<String> failures = (List<String>) ((JavascriptExecutor) browser).executeScript(CONTRAST_CHECK);
        assertThat(failures).as("text below WCAG AA contrast").isEmpty();
    }

    private void assertNoCspViolation() {
        List<String> violations = logs().stream()
                .filter(line -> line.contains("Content Security Policy") || line.contains("Refused to"))
                .toList();
        assertThat(violations).as("CSP violations in the console").isEmpty();
    }

    private List<String> logs() {
        return Chromium.logs(browser);
    }

    private boolean insideTheViewport(WebElement element) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser)
                .executeScript(
                        "var r = arguments[0].getBoundingClientRect(); return r.width > 0 && r.top >= 0 && r.left >= 0"
                                + " && r.bottom <= window.innerHeight && r.right <= window.innerWidth;",
                        element));
    }

    private static Path shots() throws IOException {
        return Chromium.shots();
    }

    private void screenshot(String name) throws IOException {
        Chromium.screenshot(browser, name);
    }

    /** The page as "Print -> Save as PDF" lays it out (print media emulated through the DevTools protocol). */
    private void print(String name) throws IOException {
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(browser.findElements(By.tagName("audio")).stream().noneMatch(WebElement::isDisplayed))
                    .isTrue();
            screenshot(name);
        } finally {
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    /** WCAG 2 contrast of every element with text of its own against the background it is painted on. */
    private static final String CONTRAST_CHECK = """
            function rgba(c) { var m = c.match(/[\\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; }
            function lum(c) { return [c.r, c.g, c.b].map(function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
              .reduce(function (s, v, i) { return s + v * [0.2126, 0.7152, 0.0722][i]; }, 0); }
            function background(el) { for (var e = el; e; e = e.parentElement) { var b = rgba(getComputedStyle(e).backgroundColor); if (b.a > 0) return b; } return {r: 255, g: 255, b: 255, a: 1}; }
            var failures = [];
            document.querySelectorAll('body *').forEach(function (el) {
              var own = Array.prototype.some.call(el.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim(); });
              var style = getComputedStyle(el);
              if (!own || style.visibility === 'hidden' || el.offsetParent === null && style.position !== 'fixed') return;
              var fg = lum(rgba(style.color)), bg = lum(background(el));
              var ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
              var size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight, 10) >= 700;
              var needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
              if (ratio < needed) failures.push(el.tagName + ' "' + el.textContent.trim().substring(0, 40) + '" ' + ratio.toFixed(2));
            });
            return failures;""";

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
                String query = exchange.getRequestURI().getQuery();
                String src = query.substring(query.indexOf("src=") + "src=".length());
                String width = query.matches(".*\\bw=\\d+.*") ? query.replaceAll(".*\\bw=(\\d+).*", "$1") : "600";
                String height = query.matches(".*\\bh=\\d+.*") ? query.replaceAll(".*\\bh=(\\d+).*", "$1") : "400";
                respond(
                        exchange,
                        "text/html; charset=utf-8",
                        "<!doctype html><html><body><h2>Customer site</h2>"
                                + "<pre id=\"received\"></pre>"
                                + "<iframe name=\"player\" src=\"" + src + "\" width=\"" + width + "\" height=\""
                                + height
                                + "\" style=\"border:1px solid #999\"></iframe>"
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
            server.createContext("/avatar.png", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "image/png");
                byte[] png = avatarPng();
                exchange.sendResponseHeaders(200, png.length);
                exchange.getResponseBody().write(png);
                exchange.close();
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

    /** A round face for the persona, drawn here (no file, no download). */
    private static byte[] avatarPng() throws IOException {
        var image = new java.awt.image.BufferedImage(128, 128, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new java.awt.Color(0x0b6e4f));
        g.fillOval(0, 0, 128, 128);
        g.setColor(java.awt.Color.WHITE);
        g.fillOval(44, 28, 40, 40);
        g.fillOval(24, 76, 80, 64);
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
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
