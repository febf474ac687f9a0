package dev.sharelinks.specs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Updating a vendor spec", walked as a user walks it, on a copy of the repository: the vendor adds
 * one optional request field and one response field to its share-link document (both of its pages show it); the
 * update command writes exactly those lines; the specs checks pass and their report lists the two changes as
 * compatible; and the server's build then stops, naming the response field the server does not fill yet (the
 * mappers' {@code unmappedTargetPolicy = ERROR}). Runs nested Maven builds of the copy, so it is a failsafe test.
 */
class VendorUpdateFlowIT {

    @Test
    void aVendorChangeIsAReviewableDiffAReportAndACompileErrorNamingTheNewField(@TempDir Path dir) throws Exception {
        Path repo = copyOfRepository(dir.resolve("repo"));
        run(repo, "git", "init", "-q");
        run(repo, "git", "add", "-A");
        run(repo, "git", "-c", "user.name=test", "-c", "user.email=test@localhost", "commit", "-q", "-m", "base");

        Path create = dir.resolve("create-share-link.txt");
        Path update = dir.resolve("update-share-link.txt");
        Files.writeString(
                create,
                UpdateVendorSpecTests.withNewFields(page(repo, "create-share-link.yaml", "000_4c9bda83f399a24e.txt")));
        Files.writeString(
                update,
                UpdateVendorSpecTests.withNewResponseField(
                        page(repo, "update-share-link.yaml", "001_f653a219ace56b19.txt")));

        // 1. the README's command
        Outcome imported = run(
                repo,
                "./mvnw",
                "-q",
                "-B",
                "-ntp",
                "-pl",
                "specs",
                "compile",
                "exec:java",
                "-Dvendor=anam",
                "-Dfile=" + create + "," + update);
        assertThat(imported.exit()).as(imported.output()).isZero();
        assertThat(imported.output()).contains("[compatible]").contains("label").doesNotContain("BREAKING");

        // 2. git diff: exactly the vendor's lines, in the vendor's files only
        Outcome diff = run(repo, "git", "diff", "--numstat");
        assertThat(diff.output().lines().toList())
                .containsExactlyInAnyOrder(
                        "4\t0\tspecs/anam/vendor/create-share-link.yaml",
                        "2\t0\tspecs/anam/vendor/update-share-link.yaml");

        // 3. the specs checks: the owner API's copy of ShareLink must follow the vendor's (OwnedShareLinkSchemaTests)
        Outcome checks = specsChecks(repo);
        assertThat(checks.exit()).isNotZero();
        assertThat(checks.output()).contains("OwnedShareLinkSchemaTests").contains("\"label\"");
        Path owner = repo.resolve("specs/sharelinks/owner.yaml");
        String ownerSpec = Files.readString(owner);
        assertThat(ownerSpec).contains("        lastUsedAt:\n");
        Files.writeString(
                owner,
                ownerSpec.replace(
                        "        lastUsedAt:\n", "        label:\n          type: string\n        lastUsedAt:\n"));
        // ... and with that done they pass, and their report says what changed for clients
        checks = specsChecks(repo);
        assertThat(checks.exit()).as(checks.output()).isZero();
        String report = Files.readString(repo.resolve("specs/target/spec-changes.md"));
        assertThat(report)
                .contains("[compatible] specs/anam/share-links.yaml")
                .contains("label")
                .doesNotContain("BREAKING");

        // 4. the server's build names the field it does not fill
        Outcome server = run(repo, "./mvnw", "-B", "-ntp", "-pl", "server", "compile", "-Dspotless.check.skip=true");
        assertThat(server.exit()).isNotZero();
        assertThat(server.output()).contains("Unmapped target property: \"label\"");
    }

    /** The specs module's checks of the specs (not the update command's own tests, not this test again). */
    private static Outcome specsChecks(Path repo) throws Exception {
        return run(
                repo,
                "./mvnw",
                "-B",
                "-ntp",
                "-pl",
                "specs",
                "verify",
                "-DskipITs",
                "-Dspecs.base=HEAD",
                "-Dtest=SpecLintTests,SpecCompatibilityTests,ContractCoverageTests,OwnedShareLinkSchemaTests");
    }

    private static String page(Path repo, String vendorFile, String seed) throws IOException {
        Path seeds = SpecFiles.ROOT.resolveSibling("shared").resolve("seeds");
        return Files.exists(seeds.resolve(seed))
                ? Files.readString(seeds.resolve(seed))
                : "# a page\n\n````yaml https://example.invalid\n"
                        + Files.readString(repo.resolve("specs/anam/vendor/" + vendorFile)) + "````";
    }

    /** The files git knows of (tracked, and new ones not ignored), as they are in the working tree. */
    private static Path copyOfRepository(Path target) throws Exception {
        Outcome files = run(SpecFiles.ROOT, "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard");
        assertThat(files.exit()).isZero();
        for (String file : files.output().split("\0")) {
            Path source = SpecFiles.ROOT.resolve(file);
            if (file.isEmpty() || !Files.isRegularFile(source)) {
                continue;
            }
            Path copy = target.resolve(file);
            Files.createDirectories(copy.getParent());
            Files.copy(source, copy);
        }
        assertThat(target.resolve("mvnw").toFile().setExecutable(true)).isTrue();
        return target;
    }

    record Outcome(int exit, String output) {}

    private static Outcome run(Path dir, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(command));
        Process process = new ProcessBuilder(line)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(15, TimeUnit.MINUTES))
                .as("%s finished", line)
                .isTrue();
        return new Outcome(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
