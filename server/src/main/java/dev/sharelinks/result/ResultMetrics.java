package dev.sharelinks.result;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Shareable result links made and used ({@code sharelinks_cekura_tokens_*_total}). */
@Component
class ResultMetrics {

    private final Counter tokensIssued;
    private final Counter tokensRead;

    ResultMetrics(MeterRegistry registry) {
        this.tokensIssued = Counter.builder("sharelinks.cekura.tokens.issued")
                .description("Cekura shareable-link tokens made")
                .register(registry);
        this.tokensRead = Counter.builder("sharelinks.cekura.tokens.read")
                .description("Results read with a shareable-link token")
                .register(registry);
    }

    void tokenIssued() {
        tokensIssued.increment();
    }

    void tokenRead() {
        tokensRead.increment();
    }
}
