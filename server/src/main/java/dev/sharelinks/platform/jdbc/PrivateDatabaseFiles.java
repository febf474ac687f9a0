package dev.sharelinks.platform.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The embedded database's directory (./data by default) holds share tokens, result documents and the files of
 * secrets beside them: it is made readable by the service's user only, whatever the umask. The directory is
 * created (or narrowed) to 0700 before the pool opens the first connection; once start-up has created H2's
 * files, each file in it is set to 0600. Files H2 makes later are inside a directory nobody else may enter.
 */
@Component
class PrivateDatabaseFiles implements BeanPostProcessor, SmartInitializingSingleton {

    static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final String H2_FILE = "jdbc:h2:file:";

    private final Optional<Path> directory;

    PrivateDatabaseFiles(Environment environment) {
        this.directory = directoryOf(environment.getProperty("spring.datasource.url", ""));
    }

    /** The directory of an H2 file database's URL ({@code jdbc:h2:file:./data/sharelinks;...}), if it is one. */
    static Optional<Path> directoryOf(String url) {
        if (!url.startsWith(H2_FILE)
                || !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Optional.empty();
        }
        String file = givenFile(url);
        if (file.startsWith("~")) {
            file = System.getProperty("user.home") + file.substring(1);
        }
        return Optional.ofNullable(Path.of(file).toAbsolutePath().normalize().getParent());
    }

    /** The database file as an H2 file URL names it ({@code ./data/sharelinks}), what the operator wrote. */
    static String givenFile(String url) {
        return url.substring(H2_FILE.length()).split(";")[0];
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource) {
            directory.ifPresent(PrivateDatabaseFiles::privateDirectory);
        }
        return bean;
    }

    @Override
    public void afterSingletonsInstantiated() {
        directory.ifPresent(dir -> {
            privateDirectory(dir);
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(Files::isRegularFile).forEach(PrivateDatabaseFiles::privateFile);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot make the files in " + dir + " private", e);
            }
        });
    }

    static void privateDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, OWNER_ONLY_DIRECTORY);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the database directory " + dir + " private", e);
        }
    }

    static void privateFile(Path file) {
        try {
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make " + file + " private", e);
        }
    }
}
