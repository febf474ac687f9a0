package dev.sharelinks.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.sharelinks.support.EmbeddedPostgres;
import dev.sharelinks.support.HttpCalls;
import dev.sharelinks.support.HttpCalls.Tenant;
import dev.sharelinks.support.ServerProcess;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two server processes on one PostgreSQL. Visitors claim sessions on both while the owner, also on both,
 * changes limits, rotates tokens and deletes links. Invariants: every 201 leaves remainingUses ≥ 0 (never
 * above the limit in force); stored usageCount equals the 201s received; a token answers no 201 to a claim
 * sent after its rotation or its link's deletion was acknowledged.
 */
class MultiInstanceMixedOperationsTests {

    private static final int LINKS = 12;
    private static final int VISITORS = 24;

    /** A token's life: 201s it got, and when (System.nanoTime) it stopped being valid, if it did. */
    static final class TokenState {
        final String linkId;
        final AtomicInteger created = new AtomicInteger();
        volatile long retiredAt = Long.MAX_VALUE;

        TokenState(String linkId) {
            this.linkId = linkId;
        }
    }

    @Test
    void claimsUpdatesRotationsAndDeletesKeepTheInvariants() throws Exception {
        String url = EmbeddedPostgres.newDatabase();
        try (ServerProcess a = ServerProcess.start(url, "multi-a");
                ServerProcess b = ServerProcess.start(url, "multi-b")) {
            List<String> bases = List.of(a.baseUrl(), b.baseUrl());
            Tenant owner = Tenant.create(a.baseUrl(), "Mixed");
            Map<String, TokenState> tokens = new ConcurrentHashMap<>();
            Map<String, String> currentToken = new ConcurrentHashMap<>();
            List<String> linkIds = new ArrayList<>();
            for (int i = 0; i < LINKS; i++) {
                String link = owner.createLink(bases.get(i % 2), 40);
                String id = JsonPath.read(link, "$.id");
                linkIds.add(id);
                tokens.put(JsonPath.read(link, "$.token"), new TokenState(id));
                currentToken.put(id, JsonPath.read(link, "$.token"));
            }
            List<String> violations = Collections.synchronizedList(new ArrayList<>());
            Map<String, Object> rotationLocks = new ConcurrentHashMap<>();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger claims = new AtomicInteger();
            AtomicInteger ownerOperations = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(VISITORS + 2);
            List<Future<?>> workers = new ArrayList<>();

            for (int v = 0; v < VISITORS; v++) {
                workers.add(pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (!stop.get()) {
                        // sometimes an old token: it must not open anything once retired
                        List<String> all = new ArrayList<>(tokens.keySet());
                        String token = random.nextInt(4) == 0
                                ? all.get(random.nextInt(all.size()))
                                : currentToken.get(linkIds.get(random.nextInt(linkIds.size())));
                        if (token == null) {
                            continue;
                        }
                        TokenState state = tokens.get(token);
                        long sentAt = System.nanoTime();
                        HttpResponse<String> response = HttpCalls.send(
                                "POST",
                                bases.get(random.nextInt(2)) + "/v1/public/share-links/" + token + "/sessions",
                                null,
                                null);
                        claims.incrementAndGet();
                        switch (response.statusCode()) {
                            case 201 -> {
                                state.created.incrementAndGet();
                                if (sentAt > state.retiredAt) {
                                    violations.add("201 for a token retired before the claim was sent: " + token);
                                }
                                Integer remaining = JsonPath.read(response.body(), "$.remainingUses");
                                if (remaining == null || remaining < 0) {
                                    violations.add("201 with remainingUses " + remaining);
                                }
                            }
                            case 404, 410 -> {
                                // retired, deleted or used up
                            }
                            default -> violations.add(response.statusCode() + " " + response.body());
                        }
                    }
                    return null;
                }));
            }
            for (int o = 0; o < 2; o++) {
                String base = bases.get(o);
                workers.add(pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (!stop.get()) {
                        String id = linkIds.get(random.nextInt(linkIds.size()));
                        if (random.nextBoolean()) {
                            HttpCalls.send(
                                    "PUT",
                                    base + "/v1/share-links/" + id,
                                    owner.bearer(),
                                    "{\"usageLimit\": " + (20 + random.nextInt(40)) + "}");
                        } else
                            synchronized (rotationLocks.computeIfAbsent(id, key -> new Object())) {
                                // both instances rotate the same links, one rotation of a link at a time, so the
                                // bookkeeping knows which token is the newest
                                HttpResponse<String> rotated = HttpCalls.send(
                                        "POST", base + "/v1/share-links/" + id + "/token", owner.bearer(), null);
                                if (rotated.statusCode() == 200) {
                                    String fresh = JsonPath.read(rotated.body(), "$.token");
                                    tokens.put(fresh, new TokenState(id));
                                    String old = currentToken.put(id, fresh);
                                    // every token of this link other than the fresh one is retired now
                                    tokens.forEach((t, s) -> {
                                        if (s.linkId.equals(id) && !t.equals(fresh) && s.retiredAt == Long.MAX_VALUE) {
                                            s.retiredAt = System.nanoTime();
                                        }
                                    });
                                    assertThat(old).isNotNull();
                                }
                            }
                        ownerOperations.incrementAndGet();
                        Thread.sleep(5);
                    }
                    return null;
                }));
            }
            Thread.sleep(6_000);
            // delete a third of the links while visitors keep claiming
            List<String> deleted = linkIds.subList(0, LINKS / 3);
            for (String id : deleted) {
                HttpCalls.expect(200, "DELETE", bases.get(1) + "/v1/share-links/" + id, owner.bearer(), null);
                long at = System.nanoTime();
                tokens.forEach((t, s) -> {
                    if (s.linkId.equals(id) && s.retiredAt == Long.MAX_VALUE) {
                        s.retiredAt = at;
                    }
                });
            }
            Thread.sleep(3_000);
            stop.set(true);
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertThat(violations).isEmpty();
            JdbcClient db = CrashDurabilityTests.jdbc(url);
            int checked = 0;
            for (String id : linkIds) {
                int acknowledged = tokens.values().stream()
                        .filter(s -> s.linkId.equals(id))
                        .mapToInt(s -> s.created.get())
                        .sum();
                var stored = db.sql("select usage_count from share_links where id = cast(:id as uuid)")
                        .param("id", id)
                        .query(Integer.class)
                        .optional();
                if (deleted.contains(id)) {
                    assertThat(stored).as("deleted link " + id).isEmpty();
                } else {
                    assertThat(stored).as("link " + id).hasValue(acknowledged);
                    checked++;
                }
            }
            assertThat(checked).isEqualTo(LINKS - deleted.size());
            System.out.printf(
                    "MultiInstanceMixedOperationsTests: %d claims, %d owner operations, %d tokens, "
                            + "%d links deleted, 0 violations%n",
                    claims.get(), ownerOperations.get(), tokens.size(), deleted.size());
        }
    }
}
