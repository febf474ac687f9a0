package dev.sharelinks.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A platform's webhook receiver on this machine's loopback: records every request (headers in lower case, body)
 * and answers what the test queued (200 when nothing is queued).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(String path, Map<String, List<String>> headers, String body, long receivedAtNanos) {

        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String id() {
            return header("webhook-id");
        }
    }

    /** An answer to give: a status, its headers, its body. */
    public record Answer(int status, Map<String, String> headers, String body) {}

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Answer> answers = new ConcurrentLinkedDeque<>();
    private volatile Duration delay = Duration.ZERO;
    private volatile java.util.function.Function<Received, Answer> responder;
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> inFlight =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger overlaps = new java.util.concurrent.atomic.AtomicInteger();

    private WebhookReceiver(String address) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    /** @param address a loopback address, e.g. 127.0.0.1 */
    public static WebhookReceiver on(String address) {
        return new WebhookReceiver(address);
    }

    public String url(String path) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Answers {@code status} to the next {@code times} requests. */
    public WebhookReceiver answer(int status, int times) {
        return answer(new Answer(status, Map.of(), "{\"answered\": " + status + "}"), times);
    }

    public WebhookReceiver answer(Answer answer, int times) {
        for (int i = 0; i < times; i++) {
            answers.add(answer);
        }
        return this;
    }

    /** Answers what {@code responder} says (it sees each request with those received before it). */
    public WebhookReceiver respond(java.util.function.Function<Received, Answer> responder) {
        this.responder = responder;
        return this;
    }

    /** How often a request came while another one with the same webhook-id was still being answered. */
    public int overlappingAttempts() {
        return overlaps.get();
    }

    /** Waits this long before each answer. */
    public WebhookReceiver delay(Duration delay) {
        this.delay = delay;
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(Predicate<Received> which) {
        return received.stream().filter(which).toList();
    }

    /** Waits until at least {@code count} requests matching {@code which} came, or the timeout passed. */
    public List<Received> await(Predicate<Received> which, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received(which).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return received(which);
    }

    public void reset() {
        received.clear();
        answers.clear();
        delay = Duration.ZERO;
        responder = null;
        overlaps.set(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        long at = System.nanoTime();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) ->
                        headers.put(name.toLowerCase(java.util.Locale.ROOT), new ArrayList<>(values)));
        Received request = new Received(exchange.getRequestURI().getPath(), headers, body, at);
        received.add(request);
        String id = request.id() == null ? "" : request.id();
        var same = inFlight.computeIfAbsent(id, k -> new java.util.concurrent.atomic.AtomicInteger());
        if (same.incrementAndGet() > 1) {
            overlaps.incrementAndGet();
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            same.decrementAndGet();
        }
        var respond = responder;
        Answer answer = respond != null ? respond.apply(request) : answers.poll();
        if (answer == null) {
            answer = new Answer(200, Map.of(), "ok");
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            exchange.getResponseBody().write(out);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
