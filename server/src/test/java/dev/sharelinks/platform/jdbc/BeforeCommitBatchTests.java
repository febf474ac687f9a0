package dev.sharelinks.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Rows written together just before the commit: once, in order, inside the transaction, never after a rollback. */
class BeforeCommitBatchTests {

    private JdbcTemplate jdbc;
    private TransactionTemplate transaction;
    private final List<List<String>> writes = new ArrayList<>();
    private final List<Boolean> writtenInTransaction = new ArrayList<>();
    private final BeforeCommitBatch<String> rows = new BeforeCommitBatch<>(this::write);

    @BeforeEach
    void database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:before-commit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create table rows_written (name varchar(20) not null unique)");
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    private void write(List<String> batch) {
        writes.add(List.copyOf(batch));
        writtenInTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
        jdbc.batchUpdate(
                "insert into rows_written (name) values (?)",
                batch.stream().map(name -> new Object[] {name}).toList());
    }

    @Test
    void aTransactionWritesItsRowsOnceTogetherBeforeItCommits() {
        transaction.executeWithoutResult(status -> {
            rows.add("a");
            rows.add("b");
            rows.add("c");
            assertThat(writes).as("nothing written before the commit").isEmpty();
        });
        assertThat(writes).containsExactly(List.of("a", "b", "c"));
        assertThat(writtenInTransaction).containsExactly(true);
        assertThat(stored()).containsExactlyInAnyOrder("a", "b", "c");

        transaction.executeWithoutResult(status -> rows.add("d"));
        assertThat(writes)
                .as("the next transaction starts empty")
                .containsExactly(List.of("a", "b", "c"), List.of("d"));
    }

    @Test
    void aRolledBackTransactionWritesNothing() {
        transaction.executeWithoutResult(status -> {
            rows.add("a");
            status.setRollbackOnly();
        });
        assertThat(writes).isEmpty();
        assertThat(stored()).isEmpty();
    }

    @Test
    void aWriteThatFailsRollsTheWholeTransactionBack() {
        jdbc.update("insert into rows_written (name) values ('taken')");
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                    jdbc.update("insert into rows_written (name) values ('change')");
                    rows.add("fine");
                    rows.add("taken");
                }))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        assertThat(stored()).as("the change and the batch are gone with it").containsExactly("taken");

        transaction.executeWithoutResult(status -> rows.add("after"));
        assertThat(writes.get(writes.size() - 1)).containsExactly("after");
    }

    @Test
    void outsideATransactionEachRowIsWrittenAtOnce() {
        rows.add("a");
        rows.add("b");
        assertThat(writes).containsExactly(List.of("a"), List.of("b"));
        assertThat(writtenInTransaction).containsExactly(false, false);
    }

    private List<String> stored() {
        return jdbc.queryForList("select name from rows_written", String.class);
    }
}
