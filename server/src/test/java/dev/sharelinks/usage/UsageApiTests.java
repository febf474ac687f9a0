package dev.sharelinks.usage;

import static dev.sharelinks.support.TestOrganization.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.jayway.jsonpath.JsonPath;
import dev.sharelinks.ShareLinksApplication;
import dev.sharelinks.retention.RetentionPurge;
import dev.sharelinks.support.MutableClock;
import dev.sharelinks.support.TestOrganization;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The usage API counts exactly the uses made, in the buckets of the zone asked for. The uses fall around the night
 * Berlin moves its clocks forward (2026-03-29, 02:00 CET becomes 03:00 CEST), so Berlin's 29th has 23 hours and
 * its midnights are not UTC's; Kathmandu (UTC+5:45) checks an offset that is not whole hours.
 */
// the clock named here, not found as a nested class: PostgresUsageApiTests inherits it this way
@SpringBootTest(
        classes = {ShareLinksApplication.class, UsageApiTests.Clocks.class},
        properties = "sharelinks.retention.purge-interval=1000d")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UsageApiTests {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-28T20:00:00Z"));

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return CLOCK;
        }
    }

    private static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36";
    private static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

    @Autowired
    MockMvc mvc;

    @Autowired
    RetentionPurge purge;

    @Autowired
    JdbcClient jdbc;

    TestOrganization org;
    TestOrganization other;
    String link;
    String token;
    String secondLink;

    @BeforeAll
    void usesAroundTheChangeToSummerTime() throws Exception {
        CLOCK.set(Instant.parse("2026-03-28T20:00:00Z"));
        org = TestOrganization.create(mvc, "Counted", false, false);
        other = TestOrganization.create(mvc, "Elsewhere", false, false);
        String created = mvc.perform(api(org, post("/v1/share-links"))
                        .content("{\"personaId\": \"%s\", \"expiresInHours\": 87600}".formatted(org.personaId())))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        link = JsonPath.read(created, "$.id");
        token = JsonPath.read(created, "$.token");
        String second = mvc.perform(api(org, post("/v1/share-links"))
                        .content("{\"personaId\": \"%s\", \"expiresInHours\": 87600}".formatted(org.personaId())))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        secondLink = JsonPath.read(second, "$.id");
        String otherToken = JsonPath.read(
                mvc.perform(api(other, post("/v1/share-links"))
                                .content("{\"personaId\": \"%s\", \"expiresInHours\": 87600}"
                                        .formatted(other.personaId())))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.token");
        at("2026-03-28T22:50:00Z"); // 23:50 CET on the 28th; 04:35 on the 29th in Kathmandu
        use(token, 3, CHROME, "https://news.example/story?id=1");
        use(otherToken, 5, CHROME, null); // another organisation's uses: never in these counts
        at("2026-03-28T23:10:00Z"); // 00:10 CET on the 29th
        use(token, 2, GOOGLEBOT, null);
        at("2026-03-29T01:30:00Z"); // 03:30 CEST on the 29th (the clocks went forward at 01:00 UTC)
        use(token, 4, CHROME, "news.example");
        use(JsonPath.read(second, "$.token"), 1, null, null);
        at("2026-03-29T22:30:00Z"); // 00:30 CEST on the 30th; 04:15 on the 30th in Kathmandu
        use(token, 1, null, null);
        at("2026-04-02T12:00:00Z");
        // one row per counted use, written by the claim itself
        assertThat(jdbc.sql("select count(*) from link_uses where organization_id = :org")
                        .param("org", org.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(11);
    }

    private static void at(String instant) {
        Duration ahead = Duration.between(CLOCK.instant(), Instant.parse(instant));
        assertThat(ahead).isPositive();
        CLOCK.advance(ahead);
    }

    private void use(String shareToken, int times, String userAgent, String referer) throws Exception {
        for (int i = 0; i < times; i++) {
            MockHttpServletRequestBuilder claim = post("/v1/public/share-links/{t}/sessions", shareToken);
            if (userAgent != null) {
                claim.header("User-Agent", userAgent);
            }
            if (referer != null) {
                claim.header("X-Visitor-Referrer", referer);
            }
            mvc.perform(claim).andExpect(status().isCreated());
        }
    }

    private String usage(String path, String query) throws Exception {
        return mvc.perform(get(URI.create(path + "?" + query)).header("Authorization", org.bearer()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static Map<String, Integer> buckets(String usage) {
        List<Map<String, Object>> buckets = JsonPath.read(usage, "$.buckets");
        var counts = new java.util.LinkedHashMap<String, Integer>();
        buckets.forEach(b -> counts.put((String) b.get("start"), (Integer) b.get("count")));
        return counts;
    }

    @Test
    void daysAreTheZonesDays() throws Exception {
        String range = "from=2026-03-28T00:00:00%2B01:00&to=2026-03-31T00:00:00%2B02:00&interval=day";
        String berlin = usage("/v1/share-links/" + link + "/usage", range + "&timeZone=Europe/Berlin");
        assertThat(buckets(berlin).values()).containsExactly(3, 6, 1);
        // Berlin's midnights: CET on the 28th and 29th, CEST on the 30th
        assertThat(buckets(berlin).keySet().stream().map(Instant::parse))
                .containsExactly(
                        Instant.parse("2026-03-27T23:00:00Z"),
                        Instant.parse("2026-03-28T23:00:00Z"),
                        Instant.parse("2026-03-29T22:00:00Z"));
        assertThat((Integer) JsonPath.read(berlin, "$.total")).isEqualTo(10);

        String utc = usage("/v1/share-links/" + link + "/usage", "from=2026-03-28T00:00:00Z&to=2026-03-30T00:00:00Z");
        assertThat(buckets(utc).values()).containsExactly(5, 5);
        String kathmandu = usage(
                "/v1/share-links/" + link + "/usage",
                "from=2026-03-29T00:00:00%2B05:45&to=2026-03-31T00:00:00%2B05:45&timeZone=Asia/Kathmandu");
        assertThat(buckets(kathmandu).values()).containsExactly(9, 1);
    }

    @Test
    void hoursFollowTheClockThroughTheChange() throws Exception {
        String usage = usage(
                "/v1/share-links/" + link + "/usage",
                "from=2026-03-29T00:00:00%2B01:00&to=2026-03-30T00:00:00%2B02:00&interval=hour&timeZone=Europe/Berlin");
        Map<String, Integer> hours = buckets(usage);
        assertThat(hours).hasSize(23); // 02:00 never happened in Berlin that night
        assertThat(hours.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(6);
        assertThat(hours.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getValue))
                .containsExactly(2, 4);
    }

    @Test
    void personaAndOrganisationCountEveryLinkOfTheirsAndNothingElse() throws Exception {
        String range = "from=2026-03-28T00:00:00Z&to=2026-04-03T00:00:00Z";
        assertThat((Integer) JsonPath.read(usage("/v1/personas/" + org.personaId() + "/usage", range), "$.total"))
                .isEqualTo(11);
        assertThat((Integer) JsonPath.read(usage("/v1/usage", range), "$.total"))
                .isEqualTo(11);
        assertThat((Integer) JsonPath.read(usage("/v1/share-links/" + secondLink + "/usage", range), "$.total"))
                .isEqualTo(1);
    }

    @Test
    void whereUsesCameFromAndWhichAreBots() throws Exception {
        String usage = usage("/v1/share-links/" + link + "/usage", "from=2026-03-28T00:00:00Z&to=2026-04-03T00:00:00Z");
        assertThat((Integer) JsonPath.read(usage, "$.bots")).isEqualTo(2);
        assertThat((List<String>) JsonPath.read(usage, "$.topReferrers[*].host"))
                .containsExactly("news.example");
        assertThat((List<Integer>) JsonPath.read(usage, "$.topReferrers[*].count"))
                .containsExactly(7);
        assertThat((List<String>) JsonPath.read(usage, "$.agents[*].family"))
                .containsExactly("Chrome", "Googlebot", "Other");
        assertThat((List<Integer>) JsonPath.read(usage, "$.agents[*].count")).containsExactly(7, 2, 1);
    }

    @Test
    void badParametersAreRefusedInTheAnamShape() throws Exception {
        for (String query : List.of(
                "interval=week",
                "timeZone=Nowhere/Special",
                "from=yesterday",
                "from=2026-03-30T00:00:00Z&to=2026-03-29T00:00:00Z",
                "from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z&interval=hour",
                "from=2024-01-01T00:00:00Z&to=2026-03-01T00:00:00Z")) {
            mvc.perform(get(URI.create("/v1/share-links/" + link + "/usage?" + query))
                            .header("Authorization", org.bearer()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error").value("Bad Request"))
                    .andExpect(jsonPath("$.message").isString());
        }
        mvc.perform(get("/v1/share-links/" + link + "/usage").header("Authorization", other.bearer()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/v1/personas/" + org.personaId() + "/usage").header("Authorization", other.bearer()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theQrCodeOpensTheLinksPublicUrl() throws Exception {
        String publicUrl = JsonPath.read(
                mvc.perform(get("/v1/share-links/" + link + "/settings").header("Authorization", org.bearer()))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.publicUrl");
        assertThat(publicUrl).endsWith("/share/" + token);
        byte[] png = mvc.perform(get("/v1/share-links/" + link + "/qr?format=png&size=300")
                        .header("Authorization", org.bearer()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(300);
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(
                new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(publicUrl);

        String svg = mvc.perform(get("/v1/share-links/" + link + "/qr").header("Authorization", org.bearer()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/svg+xml"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"256\" height=\"256\"");
        for (String query : List.of("size=63", "size=1025", "format=gif", "size=big")) {
            mvc.perform(get("/v1/share-links/" + link + "/qr?" + query).header("Authorization", org.bearer()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error").value("Bad Request"));
        }
    }

    /** Runs last: it moves the clock past the use-log period, and the other tests read the same uses. */
    @Test
    @Order(Integer.MAX_VALUE)
    void theUseLogKeepsItsPeriodThenForgets() throws Exception {
        String range = "from=2026-03-28T00:00:00Z&to=2026-04-03T00:00:00Z";
        CLOCK.advance(Duration.ofDays(394)); // the oldest use is 399 days and some hours old
        purge.purge();
        assertThat((Integer) JsonPath.read(usage("/v1/usage", range), "$.total"))
                .isEqualTo(11);
        CLOCK.advance(Duration.ofDays(3)); // the newest is more than 400 days old
        assertThat(purge.purge().uses()).isGreaterThanOrEqualTo(16); // both organisations' uses
        assertThat((Integer) JsonPath.read(usage("/v1/usage", range), "$.total"))
                .isZero();
    }
}
