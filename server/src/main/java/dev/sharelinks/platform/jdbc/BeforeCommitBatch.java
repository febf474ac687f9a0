package dev.sharelinks.platform.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows a transaction writes as it goes, written together just before it commits: a transaction that counts many
 * uses writes their rows in one batch (one round trip) instead of one statement each. The write is still part of
 * the transaction, so a failure rolls everything back; outside a transaction each row is written at once.
 */
public final class BeforeCommitBatch<T> {

    private final Consumer<List<T>> write;

    /** @param write writes the rows, in the order they were added */
    public BeforeCommitBatch(Consumer<List<T>> write) {
        this.write = write;
    }

    public void add(T row) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write.accept(List.of(row));
            return;
        }
        @SuppressWarnings("unchecked")
        List<T> rows = (List<T>) TransactionSynchronizationManager.getResource(this);
        if (rows == null) {
            List<T> pending = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    write.accept(pending);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(BeforeCommitBatch.this);
                }
            });
            rows = pending;
        }
        rows.add(row);
    }
}
