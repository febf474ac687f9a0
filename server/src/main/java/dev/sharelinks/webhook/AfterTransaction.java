package dev.sharelinks.webhook;

import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** What the webhook module does once the caller's transaction has ended; without a transaction, at once. */
final class AfterTransaction {

    private AfterTransaction() {}

    /** Runs once the caller's transaction has committed (not after a rollback). */
    static void committed(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    /** Told whether the caller's transaction committed, once it has ended either way. */
    static void ended(Consumer<Boolean> committed) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            committed.accept(true); // no transaction: what was written is already committed
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                committed.accept(status == STATUS_COMMITTED);
            }
        });
    }
}
