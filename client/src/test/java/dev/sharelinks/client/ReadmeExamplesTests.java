package dev.sharelinks.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sharelinks.client.examples.AnamExample;
import dev.sharelinks.client.examples.CekuraExample;
import dev.sharelinks.client.examples.GrantExample;
import dev.sharelinks.client.examples.WebhookReceiverExample;
import dev.sharelinks.client.grants.GrantIssuer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.cloud.contract.stubrunner.junit.StubRunnerExtension;

/**
 * The client examples in the README are these example classes, word for word: the test runs them against
 * the contract stubs and checks that the README still shows exactly their code.
 */
class ReadmeExamplesTests {

    @RegisterExtension
    static StubRunnerExtension stubs = ContractStubs.server();

    @Test
    void anamExampleRuns() throws Exception {
        String[] out = new String[1];
        String printed = StandardOutput.of(() -> out[0] = AnamExample.run(
                ContractStubs.baseUri(stubs),
                ContractStubs.API_KEY,
                UUID.fromString("3f0e1a2b-4c5d-4e6f-8a9b-0c1d2e3f4a5b"),
                UUID.fromString("ac3e8f52-7d4b-4a6f-9e8d-2b3c4d5e6f70")));
        assertThat(out[0]).matches("sh_[0-9A-Za-z]{22} 50 1");
        assertThat(printed).contains("not found: 404").contains("bad request: 400");
    }

    @Test
    void cekuraExampleRuns() throws Exception {
        String[] out = new String[1];
        String printed = StandardOutput.of(
                () -> out[0] = CekuraExample.run(ContractStubs.baseUri(stubs), ContractStubs.API_KEY, 1001, 2002));
        assertThat(out[0]).matches("[0-9A-Za-z]{32} passed");
        assertThat(printed)
                .contains("send this to the reader: https://links.example.test/share/result/1001/")
                .contains("not found: 404")
                .contains("bad request: 400")
                .contains("Expiration must be in the future.");
    }

    @Test
    void grantExampleAcceptsTheServicesGrantAndRefusesAForgedOne() throws Exception {
        try (GrantIssuer service = new GrantIssuer()) {
            var key = service.newKey();
            var claims = service.claims("org-1").build();
            String accepted =
                    StandardOutput.of(() -> GrantExample.run(service.base(), "org-1", service.sign(key, claims)));
            assertThat(accepted)
                    .contains("use 3 of link " + claims.getStringClaim("link_id") + ", session " + claims.getJWTID());
            var forger = new GrantIssuer();
            String refused;
            try {
                var forged = forger.sign(forger.newKey(), claims);
                refused = StandardOutput.of(() -> GrantExample.run(service.base(), "org-1", forged));
            } finally {
                forger.close();
            }
            assertThat(refused).startsWith("refused: ");
        }
    }

    @Test
    void webhookReceiverAcceptsASignedEventAndRefusesAnAlteredOne() throws Exception {
        String secret = "whsec_"
                + java.util.Base64.getEncoder()
                        .encodeToString("a webhook secret of 32 bytes....".getBytes(StandardCharsets.UTF_8));
        String id = UUID.randomUUID().toString();
        long timestamp = System.currentTimeMillis() / 1000;
        String body = "{\"type\":\"share_link.exhausted\",\"timestamp\":\"2026-12-01T12:00:00Z\",\"data\":{}}";
        String signature = new com.standardwebhooks.Webhook(secret).sign(id, timestamp, body);
        var headers = java.util.Map.of(
                "webhook-id", java.util.List.of(id),
                "webhook-timestamp", java.util.List.of(Long.toString(timestamp)),
                "webhook-signature", java.util.List.of(signature));
        int[] status = new int[1];
        String printed = StandardOutput.of(() -> status[0] = WebhookReceiverExample.receive(secret, body, headers));
        assertThat(status[0]).isEqualTo(200);
        assertThat(printed).contains("event " + id);
        assertThat(WebhookReceiverExample.receive(secret, body.replace("exhausted", "created"), headers))
                .isEqualTo(400);
    }

    @Test
    void theReadmeShowsTheExamplesAsTheyAre() throws Exception {
        String readme = normalize(Files.readString(Path.of("..", "README.md")));
        for (String[] example : new String[][] {
            {"AnamExample", "anam"},
            {"CekuraExample", "cekura"},
            {"GrantExample", "grant"},
            {"WebhookReceiverExample", "webhook"}
        }) {
            String source =
                    Files.readString(Path.of("src/test/java/dev/sharelinks/client/examples", example[0] + ".java"));
            Matcher tagged = Pattern.compile(
                            "// tag::" + example[1] + "\\[]\\n(.*?)\\n\\s*// end::" + example[1] + "\\[]",
                            Pattern.DOTALL)
                    .matcher(source);
            assertThat(tagged.find()).isTrue();
            assertThat(readme)
                    .as("README shows %s.java's example unchanged", example[0])
                    .contains(normalize(tagged.group(1)));
        }
    }

    /** Same lines, indentation aside. */
    private static String normalize(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }
}
