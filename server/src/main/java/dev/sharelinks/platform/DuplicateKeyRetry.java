package dev.sharelinks.platform;

import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Read-then-insert work that can lose a race on a unique key to a concurrent request: each attempt runs in its own
 * transaction (on PostgreSQL a failed insert spoils the transaction it ran in), and the loser looks again once, on
 * top of the winner.
 */
@Component
public class DuplicateKeyRetry {

    private final TransactionTemplate transaction;

    public DuplicateKeyRetry(TransactionTemplate transaction) {
        this.transaction = transaction;
    }

    /**
     * @param work     one attempt, run in a transaction of its own
     * @param lostTwice what to throw when the second attempt loses too
     */
    public <T> T inOwnTransaction(Supplier<T> work, Supplier<? extends RuntimeException> lostTwice) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                return transaction.execute(status -> work.get());
            } catch (DuplicateKeyException lostTheRace) {
                // another request inserted the same key between our read and our insert: look again
            }
        }
        throw lostTwice.get();
    }
}
