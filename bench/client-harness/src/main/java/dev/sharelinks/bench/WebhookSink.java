package dev.sharelinks.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's webhook receiver on 127.0.0.1: answers 200 to every POST and counts them; {@code GET /count}
 * says how many came. Prints {@code SINK_PORT <port>} once it listens.
 */
public final class WebhookSink {

    private WebhookSink() {}

    public static void main(String[] args) throws IOException {
        // without it the JDK's server writes the answer's headers and body as two segments with Nagle on, and each
        // delivery waits out the sender's delayed ACK (~40 ms): the receiver, not the server, set the delivery rate
        System.setProperty("sun.net.httpserver.nodelay", "true");
        AtomicLong received = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            byte[] answer;
            if ("GET".equals(exchange.getRequestMethod())) {
                answer = Long.toString(received.get()).getBytes(StandardCharsets.UTF_8);
            } else {
                received.incrementAndGet();
                answer = "ok".getBytes(StandardCharsets.UTF_8);
            }
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        System.out.println("SINK_PORT " + server.getAddress().getPort());
        System.out.flush();
    }
}
