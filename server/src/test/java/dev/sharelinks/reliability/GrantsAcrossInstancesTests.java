package dev.sharelinks.reliability;

import static dev.sharelinks.support.HttpCalls.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.sharelinks.support.EmbeddedPostgres;
import dev.sharelinks.support.Grants;
import dev.sharelinks.support.HttpCalls.Tenant;
import dev.sharelinks.support.ServerProcess;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Two server processes on one PostgreSQL sign session grants with the same keys: a grant made by one verifies with
 * the other's key set, and keys rotated again and again while claims run on both leave no grant unverifiable
 * within its lifetime (the instances' key cache is one second here, so rotations reach both mid-load).
 */
class GrantsAcrossInstancesTests {

    private static final String ADMIN = "Bearer " + ServerProcess.ADMIN_TOKEN;

    @Test
    void grantsVerifyOnEitherInstanceWhileKeysRotate() throws Exception {
        String url = EmbeddedPostgres.newDatabase();
        try (ServerProcess a = ServerProcess.launch("grants-a")
                        .database(url)
                        .arguments(
                                "--sharelinks.grants.key-cache=1s",
                                "--sharelinks.public-base-url=https://links.example.test")
                        .start();
                ServerProcess b = ServerProcess.launch("grants-b")
                        .database(url)
                        .arguments(
                                "--sharelinks.grants.key-cache=1s",
                                "--sharelinks.public-base-url=https://links.example.test")
                        .start()) {
            Tenant owner = Tenant.create(a.baseUrl(), "Grants");
            String token = JsonPath.read(owner.createLink(a.baseUrl(), 1_000_000), "$.token");

            ConcurrentLinkedQueue<String> grants = new ConcurrentLinkedQueue<>();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService claimers = Executors.newFixedThreadPool(8);
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String base = t % 2 == 0 ? a.baseUrl() : b.baseUrl();
                work.add(claimers.submit(() -> {
                    while (running.get()) {
                        String session =
                                expect(201, "POST", base + "/v1/public/share-links/" + token + "/sessions", null, null);
                        grants.add(JsonPath.read(session, "$.grant"));
                    }
                    return null;
                }));
            }
            Set<String> rotatedTo = new HashSet<>();
            for (int rotation = 0; rotation < 5; rotation++) {
                Thread.sleep(700);
                ServerProcess where = rotation % 2 == 0 ? a : b;
                rotatedTo.add(JsonPath.read(
                        expect(201, "POST", where.baseUrl() + "/admin/v1/signing-keys/rotate", ADMIN, null), "$.kid"));
            }
            Thread.sleep(1_500);
            running.set(false);
            for (Future<?> f : work) {
                f.get(30, TimeUnit.SECONDS);
            }
            claimers.shutdown();

            String keysOfA = expect(200, "GET", a.baseUrl() + "/.well-known/jwks.json", null, null);
            String keysOfB = expect(200, "GET", b.baseUrl() + "/.well-known/jwks.json", null, null);
            Set<String> signedBy = new HashSet<>();
            int verified = 0;
            for (String grant : grants) {
                Grants.verify(grant, keysOfB, "https://links.example.test", owner.orgId());
                Grants.verify(grant, keysOfA, "https://links.example.test", owner.orgId());
                signedBy.add(com.nimbusds.jwt.SignedJWT.parse(grant).getHeader().getKeyID());
                verified++;
            }
            assertThat(verified).as("grants made during the rotations").isGreaterThan(100);
            assertThat(signedBy).as("keys that signed under load").hasSizeGreaterThanOrEqualTo(3);
            assertThat(signedBy).containsAnyElementsOf(rotatedTo);
        }
    }
}
