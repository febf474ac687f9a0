package dev.sharelinks.operability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sharelinks.support.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database holds share tokens and result documents: under a umask that would let anyone read
 * anything, its directory is still 0700 and every file in it 0600 (the demo key's file included).
 */
class PrivateFilesTests {

    @Test
    void theDatabaseDirectoryAndItsFilesAreTheServicesUsersOnly(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        try (ServerProcess server = ServerProcess.launch("private-files")
                .umask("000")
                .database("jdbc:h2:file:" + data.resolve("sharelinks"))
                .arguments("--sharelinks.demo-data=true")
                .start()) {
            assertThat(permissions(data)).isEqualTo("rwx------");
            List<Path> files;
            try (Stream<Path> list = Files.list(data)) {
                files = list.toList();
            }
            assertThat(files)
                    .extracting(file -> file.getFileName().toString())
                    .contains("sharelinks.mv.db", "demo-api-key");
            assertThat(files)
                    .allSatisfy(file ->
                            assertThat(permissions(file)).as(file.toString()).isEqualTo("rw-------"));
        }
    }

    private static String permissions(Path path) throws java.io.IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
