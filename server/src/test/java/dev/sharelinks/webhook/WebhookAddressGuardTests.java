package dev.sharelinks.webhook;

import static dev.sharelinks.support.TestOrganization.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.sharelinks.support.TestOrganization;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The address guard with its defaults (loopback not allowed): a listener on 127.0.0.2 must see no connection at
 * all, whatever the endpoint's URL says, and a name that does not resolve is an attempt that found no answer. Only
 * loopback addresses and names under {@code .invalid} are used: no test traffic leaves this machine.
 */
@SpringBootTest(properties = {"sharelinks.webhooks.retry-schedule=0s,100ms", "sharelinks.webhooks.poll-interval=50ms"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class WebhookAddressGuardTests {

    static ServerSocket listener;
    static final AtomicInteger connections = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    TestOrganization org;

    @BeforeAll
    static void aListenerThatMustHearNothing() throws IOException {
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
        Thread accepting = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket ignored = listener.accept()) {
                    connections.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        accepting.setDaemon(true);
        accepting.start();
    }

    @AfterAll
    static void close() throws IOException {
        listener.close();
    }

    @BeforeEach
    void anOrganisation() throws Exception {
        org = TestOrganization.create(mvc, "Guarded", false, false);
    }

    @Test
    void aLoopbackAddressIsRefusedBeforeAnyConnection() throws Exception {
        String endpoint = endpoint("https://127.0.0.2:" + listener.getLocalPort() + "/hook");
        link();
        String log = awaitAttempts(endpoint, 2);
        assertThat(JsonPath.<List<String>>read(log, "$[0].attempts[*].error"))
                .allSatisfy(error -> assertThat(error).isEqualTo("refused address 127.0.0.2 (loopback)"));
        assertThat(JsonPath.<List<Object>>read(log, "$[0].attempts[*].status")).containsOnlyNulls();
        assertThat(connections).as("connections to 127.0.0.2").hasValue(0);
    }

    @Test
    void aNameThatResolvesToLoopbackIsRefusedToo() throws Exception {
        String endpoint = endpoint("https://localhost:" + listener.getLocalPort() + "/hook");
        link();
        String log = awaitAttempts(endpoint, 1);
        assertThat(JsonPath.<String>read(log, "$[0].attempts[0].error"))
                .startsWith("refused address ")
                .contains("(loopback) for localhost");
        assertThat(connections).hasValue(0);
    }

    @Test
    void aNameThatDoesNotResolveIsAnAttemptWithoutAnswer() throws Exception {
        String endpoint = endpoint("https://hooks.sharelinks.invalid/hook");
        link();
        String log = awaitAttempts(endpoint, 1);
        assertThat(JsonPath.<String>read(log, "$[0].attempts[0].error")).contains("UnknownHost");
        assertThat(JsonPath.<Object>read(log, "$[0].attempts[0].status")).isNull();
    }

    @Test
    void plainHttpIsRefusedWhileLoopbackIsNotAllowed() throws Exception {
        mvc.perform(api(org, post("/v1/webhook-endpoints"))
                        .content("{\"url\": \"http://127.0.0.2:%d/hook\", \"eventTypes\": [\"share_link.created\"]}"
                                .formatted(listener.getLocalPort())))
                .andExpect(status().isBadRequest());
        assertThat(connections).hasValue(0);
    }

    private String endpoint(String url) throws Exception {
        return JsonPath.read(
                mvc.perform(api(org, post("/v1/webhook-endpoints"))
                                .content("{\"url\": \"%s\", \"eventTypes\": [\"share_link.created\"]}".formatted(url)))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    private void link() throws Exception {
        mvc.perform(api(org, post("/v1/share-links")).content("{\"personaId\": \"%s\"}".formatted(org.personaId())))
                .andExpect(status().isCreated());
    }

    private String awaitAttempts(String endpoint, int count) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            String log = mvc.perform(api(org, get("/v1/webhook-endpoints/{id}/deliveries", endpoint)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            List<Object> attempts = JsonPath.read(log, "$[*].attempts[*]");
            if (attempts.size() >= count || System.nanoTime() > deadline) {
                assertThat(attempts).hasSizeGreaterThanOrEqualTo(count);
                return log;
            }
            Thread.sleep(25);
        }
    }
}
