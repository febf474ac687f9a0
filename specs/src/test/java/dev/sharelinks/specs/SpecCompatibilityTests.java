package dev.sharelinks.specs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sharelinks.specs.SpecDiff.Change;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The breaking-change report: every effective spec (vendor documents with our overlay applied, and our own
 * specs) against the effective spec at a git base (-Dspecs.base=REV or
 * SPECS_BASE; default the last tag, else origin/main, else HEAD). The report goes to
 * specs/target/spec-changes.md and the console; a breaking change fails the build unless its id is listed
 * in specs/accepted-breaking-changes.txt.
 */
class SpecCompatibilityTests {

    static final Path ACCEPTED = SpecFiles.SPECS.resolve("accepted-breaking-changes.txt");

    @Test
    void noUnacknowledgedBreakingChanges(@TempDir Path temp) throws IOException {
        Optional<String> base = base();
        Assumptions.assumeTrue(base.isPresent(), "No git history to compare the specs with");
        Map<String, JsonNode> before = effectiveAt(base.get(), temp);
        List<Change> changes = new ArrayList<>();
        for (Path spec : SpecFiles.all()) {
            String name = SpecFiles.name(spec);
            JsonNode then = before.getOrDefault(name.substring("specs/".length()), SpecFiles.parse("{}"));
            changes.addAll(SpecDiff.compare(name, then, SpecFiles.read(spec)));
        }
        Set<String> accepted = Files.readAllLines(ACCEPTED).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .collect(Collectors.toSet());
        String report = report(base.get(), changes, accepted);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "spec-changes.md"), report);
        System.out.println(report);

        List<String> unaccepted = changes.stream()
                .filter(Change::breaking)
                .filter(c -> !accepted.contains(c.id()))
                .map(c -> c.description() + "\n      to accept, add this line to specs/accepted-breaking-changes.txt: "
                        + c.id())
                .toList();
        assertThat(unaccepted)
                .as("Breaking changes to the specs since %s (full report: specs/target/spec-changes.md)", base.get())
                .isEmpty();
    }

    /**
     * The effective specs at a git revision: its spec sources written out and built as the build builds them now
     * (a revision from before vendor documents and overlays has the vendored files themselves).
     */
    static Map<String, JsonNode> effectiveAt(String revision, Path dir) throws IOException {
        List<String> files = git("ls-tree", "-r", "--name-only", revision, "--", "specs/")
                .map(out -> out.lines().toList())
                .orElse(List.of());
        for (String file : files) {
            String inSpecs = file.substring("specs/".length());
            boolean source = inSpecs.endsWith(".yaml")
                    && EffectiveSpecs.SOURCE_ROOMS.stream().anyMatch(room -> inSpecs.startsWith(room + "/"));
            if (source) {
                Path target = dir.resolve(inSpecs);
                Files.createDirectories(target.getParent());
                Files.writeString(target, git("show", revision + ":" + file).orElseThrow());
            }
        }
        return EffectiveSpecs.build(dir);
    }

    static String report(String base, List<Change> changes, Set<String> accepted) {
        StringBuilder out = new StringBuilder("# Spec changes since " + base + "\n\n");
        if (changes.isEmpty()) {
            return out.append("No changes.\n").toString();
        }
        for (Change change : changes) {
            String mark = !change.breaking()
                    ? "compatible"
                    : (change.level() == SpecDiff.Level.ERR ? "BREAKING" : "MAY BREAK (WARN)")
                            + (accepted.contains(change.id()) ? ", accepted" : "");
            out.append("- [")
                    .append(mark)
                    .append("] ")
                    .append(change.description())
                    .append("  \n  id: `")
                    .append(change.id())
                    .append("`\n");
        }
        return out.toString();
    }

    static Optional<String> base() {
        String configured = System.getProperty("specs.base", System.getenv("SPECS_BASE"));
        if (configured != null && !configured.isBlank()) {
            return Optional.of(configured.strip());
        }
        return git("describe", "--tags", "--abbrev=0")
                .map(String::strip)
                .or(() -> git("rev-parse", "--verify", "-q", "origin/main").map(x -> "origin/main"))
                .or(() -> git("rev-parse", "--verify", "-q", "HEAD").map(x -> "HEAD"));
    }

    /** Standard output of a git command run in the repository, or empty when it fails (or git is missing). */
    static Optional<String> git(String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", SpecFiles.ROOT.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0
                    ? Optional.of(out)
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
