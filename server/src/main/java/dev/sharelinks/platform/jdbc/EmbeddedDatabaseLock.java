package dev.sharelinks.platform.jdbc;

import dev.sharelinks.platform.StartupProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * One process per embedded database: a second one on the same {@code ./data} stops before anything starts, with
 * one sentence, instead of failing deep in H2 with a long trace. The lock is the operating system's, on
 * {@code sharelinks.in-use} beside H2's files, so it goes with the process however that ends (kill -9 included);
 * application contexts in one JVM (tests) share it. Taken while the environment is prepared, so that no bean and
 * no pool has started when it is refused.
 */
public class EmbeddedDatabaseLock implements EnvironmentPostProcessor {

    static final String LOCK_FILE = "sharelinks.in-use";

    private static final Map<Path, FileLock> HELD = new HashMap<>();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url", "");
        PrivateDatabaseFiles.directoryOf(url).ifPresent(dir -> hold(dir, shown(url)));
    }

    private static void hold(Path dir, String shown) {
        synchronized (HELD) {
            if (HELD.containsKey(dir)) {
                return;
            }
            PrivateDatabaseFiles.privateDirectory(dir);
            Path lockFile = dir.resolve(LOCK_FILE);
            try {
                FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                PrivateDatabaseFiles.privateFile(lockFile);
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    channel.close();
                    throw new StartupProblem(
                            shown + " is in use by another process",
                            "Stop the other process, or give this one its own directory: "
                                    + "--spring.datasource.url=jdbc:h2:file:./other-data/sharelinks");
                }
                HELD.put(dir, lock);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot lock " + lockFile, e);
            }
        }
    }

    /** The directory as the URL names it ({@code ./data}), which is what the operator wrote. */
    private static String shown(String url) {
        Path given = Path.of(PrivateDatabaseFiles.givenFile(url)).getParent();
        return given == null ? "." : given.toString();
    }
}
