package dev.sharelinks.webhook;

import dev.sharelinks.platform.config.ShareLinksProperties;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends one signed webhook: a POST with a hard deadline ({@code sharelinks.webhooks.timeout}, connecting
 * included), redirects not followed, no retries of its own, no proxy, cookies or credentials; names resolved only
 * through the {@link AddressGuard}. Plain http goes through a second client whose guard lets only loopback pass,
 * and only where the operator allows loopback.
 */
@Component
class WebhookSender implements DisposableBean {

    static final int RESPONSE_PREFIX_BYTES = 1024;

    /**
     * What came back: the receiver's status and the start of its answer, or why nothing came.
     *
     * @param retryAfter the receiver's Retry-After header, or null
     * @param refused    nothing was sent because of the address or the URL
     */
    record Answer(Integer status, String body, String retryAfter, String error, boolean refused, long latencyMs) {

        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private final CloseableHttpClient https;
    private final CloseableHttpClient loopbackHttp;
    private final boolean allowLoopback;
    private final Duration timeout;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "webhook-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    WebhookSender(ShareLinksProperties properties) {
        var settings = properties.webhooks();
        this.allowLoopback = settings.allowLoopback();
        this.timeout = settings.timeout();
        this.https = client(new AddressGuard(settings, false), settings);
        this.loopbackHttp = client(new AddressGuard(settings, true), settings);
    }

    private static CloseableHttpClient client(AddressGuard guard, ShareLinksProperties.Webhooks settings) {
        Timeout limit = Timeout.of(settings.timeout());
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(guard)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(limit)
                        .setSocketTimeout(limit)
                        .build())
                .setMaxConnTotal(settings.concurrency() * 2)
                .setMaxConnPerRoute(settings.concurrency())
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(limit)
                        .setConnectionRequestTimeout(limit)
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("sharelinks-webhooks/1.0")
                .build();
    }

    Answer send(String url, Map<String, String> headers, String body) {
        long started = System.nanoTime();
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return refused("not a URL", started);
        }
        CloseableHttpClient client;
        if ("https".equalsIgnoreCase(uri.getScheme())) {
            client = https;
        } else if ("http".equalsIgnoreCase(uri.getScheme()) && allowLoopback) {
            client = loopbackHttp;
        } else {
            return refused("refused URL: webhooks go over https", started);
        }
        HttpPost post = new HttpPost(uri);
        headers.forEach(post::setHeader);
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        AtomicBoolean timedOut = new AtomicBoolean();
        var deadline = deadlines.schedule(
                () -> {
                    timedOut.set(true);
                    post.cancel();
                },
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
        try (ClassicHttpResponse response = client.executeOpen(null, post, null)) {
            String prefix = null;
            if (response.getEntity() != null) {
                try (InputStream in = response.getEntity().getContent()) {
                    byte[] start = in.readNBytes(RESPONSE_PREFIX_BYTES + 1);
                    prefix = text(start, Math.min(start.length, RESPONSE_PREFIX_BYTES));
                    if (start.length <= RESPONSE_PREFIX_BYTES) {
                        EntityUtils.consume(response.getEntity()); // read to its end: the connection can be reused
                    }
                }
            }
            Header retryAfter = response.getFirstHeader("Retry-After");
            return new Answer(
                    response.getCode(),
                    prefix,
                    retryAfter == null ? null : retryAfter.getValue(),
                    null,
                    false,
                    millisSince(started));
        } catch (AddressGuard.RefusedAddressException e) {
            return refused(e.getMessage(), started);
        } catch (IOException | RuntimeException e) {
            String why = timedOut.get()
                    ? "timeout after " + timeout.toMillis() + " ms"
                    : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return new Answer(null, null, null, shorten(why), false, millisSince(started));
        } finally {
            deadline.cancel(false);
        }
    }

    private static Answer refused(String why, long started) {
        return new Answer(null, null, null, why, true, millisSince(started));
    }

    /** UTF-8 with malformed bytes and NUL (which PostgreSQL cannot store) replaced. */
    private static String text(byte[] bytes, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, 0, length)).toString().replace('\u0000', '\uFFFD');
        } catch (java.nio.charset.CharacterCodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String shorten(String text) {
        String clean = text.replace('\u0000', '\uFFFD');
        return clean.length() <= 500 ? clean : clean.substring(0, 497) + "...";
    }

    private static long millisSince(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    @Override
    public void destroy() throws IOException {
        deadlines.shutdownNow();
        https.close();
        loopbackHttp.close();
    }
}
