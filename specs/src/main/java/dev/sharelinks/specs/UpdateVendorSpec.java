package dev.sharelinks.specs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings a vendor's new reference page (or plain OpenAPI document) into {@code specs/<vendor>/vendor/}: the
 * document is written byte for byte into the vendor file that holds its operations (a page with an operation no
 * file holds becomes a file of its own), nothing else is touched, and what changed for clients is reported by
 * comparing the effective specs (vendor documents merged, our overlay applied) before and after.
 *
 * <pre>./mvnw -q -pl specs compile exec:java -Dvendor=anam -Dfile=path/to/reference-page.txt</pre>
 */
public final class UpdateVendorSpec {

    /** What an update did: the vendor files written, those whose bytes changed, and the lines of the report. */
    record Result(List<Path> files, List<Path> changed, List<String> report) {}

    private static final Pattern FENCE = Pattern.compile("(?m)^(`{3,})yaml[^\\n]*\\n");

    private UpdateVendorSpec() {}

    public static void main(String[] args) throws IOException {
        List<String> vendors =
                EffectiveSpecs.VENDORS.stream().map(EffectiveSpecs.Vendor::name).toList();
        if (args.length < 2 || args[0].isBlank() || args[1].isBlank() || args[0].startsWith("${")) {
            System.err.println("usage: ./mvnw -q -pl specs compile exec:java -Dvendor=" + String.join("|", vendors)
                    + " -Dfile=path/to/reference-page.txt[,another-page.txt...]");
            System.exit(2);
        }
        if (!vendors.contains(args[0])) {
            System.err.println("unknown vendor '" + args[0] + "'; known: " + vendors);
            System.exit(2);
        }
        Path specs = args.length > 2 ? Path.of(args[2]) : SpecFiles.SPECS;
        List<String> pages = new ArrayList<>();
        for (String file : args[1].split(",")) {
            Path page = Path.of(file.strip());
            if (!Files.isReadable(page)) {
                System.err.println(
                        "cannot read " + page.toAbsolutePath() + " (-Dfile is relative to where ./mvnw runs)");
                System.exit(2);
            }
            pages.add(Files.readString(page));
        }
        try {
            update(specs, args[0], pages).report().forEach(System.out::println);
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    static Result update(Path specs, String vendorName, String page) throws IOException {
        return update(specs, vendorName, List.of(page));
    }

    /**
     * Writes each page's document into its vendor file and reports what changed for clients. The pages of one
     * vendor change are brought in together: they share components (both Anam pages carry {@code ShareLink}).
     */
    static Result update(Path specs, String vendorName, List<String> pages) throws IOException {
        EffectiveSpecs.Vendor vendor = EffectiveSpecs.VENDORS.stream()
                .filter(v -> v.name().equals(vendorName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown vendor '" + vendorName + "'"));
        Path room = specs.resolve(vendor.name());
        Path vendorDir = room.resolve("vendor");
        List<String> documents = new ArrayList<>();
        List<Set<String>> operations = new ArrayList<>();
        for (String page : pages) {
            String document = extractDocument(page);
            JsonNode incoming = SpecFiles.parse(document);
            if (incoming == null || !incoming.path("openapi").asText().startsWith("3.")) {
                throw new IllegalArgumentException("Not an OpenAPI 3 document (no 'openapi: 3.x' at its top)");
            }
            if (operationKeys(incoming).isEmpty()) {
                throw new IllegalArgumentException("The document has no operations; nothing to bring in");
            }
            documents.add(document);
            operations.add(operationKeys(incoming));
        }

        List<String> report = new ArrayList<>();
        JsonNode before = null;
        try {
            before = EffectiveSpecs.effective(room);
        } catch (RuntimeException e) {
            report.add("(the effective spec before this update cannot be built either: " + e.getMessage() + ")");
        }
        List<Path> files = new ArrayList<>();
        List<Path> changed = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            String document = documents.get(i);
            Set<String> keys = operations.get(i);
            Path file =
                    holderOf(vendorDir, keys).orElseGet(() -> vendorDir.resolve(fileName(SpecFiles.parse(document))));
            boolean differs = !Files.exists(file) || !Files.readString(file).equals(document);
            Files.writeString(file, document);
            files.add(file);
            if (differs) {
                changed.add(file);
            }
            report.add("specs/" + specs.relativize(file).toString().replace('\\', '/')
                    + (differs ? ": written" : ": unchanged (the same bytes)"));
            for (Path other : EffectiveSpecs.vendorDocuments(vendorDir)) {
                Set<String> shared = new TreeSet<>(operationKeys(SpecFiles.read(other)));
                shared.retainAll(keys);
                if (!other.equals(file) && !shared.isEmpty()) {
                    report.add("  " + shared + " also in " + other.getFileName()
                            + ": remove it there, the vendor's page replaces the transcription");
                }
            }
        }
        JsonNode after;
        try {
            after = EffectiveSpecs.effective(room);
        } catch (RuntimeException e) {
            report.add("The effective spec cannot be built: " + e.getMessage());
            return new Result(files, changed, report);
        }
        if (before != null) {
            List<SpecDiff.Change> changes = SpecDiff.compare("specs/" + vendor.effective(), before, after);
            if (changes.isEmpty()) {
                report.add("No changes for clients.");
            }
            for (SpecDiff.Change change : changes) {
                report.add("- [" + (change.breaking() ? "BREAKING" : "compatible") + "] " + change.description());
            }
        }
        report.add("Next: git diff specs/" + vendor.name() + "/vendor, then ./mvnw verify"
                + " (specs/target/spec-changes.md has the report against the git base).");
        return new Result(files, changed, report);
    }

    /** The vendor file (a page rather than a transcription) that already holds one of these operations. */
    private static Optional<Path> holderOf(Path vendorDir, Set<String> operations) {
        return EffectiveSpecs.vendorDocuments(vendorDir).stream()
                .filter(f -> !f.getFileName().toString().startsWith(EffectiveSpecs.TRANSCRIBED_PREFIX))
                .filter(f -> operationKeys(SpecFiles.read(f)).stream().anyMatch(operations::contains))
                .findFirst();
    }

    /** A new page's file: its first operation's id in kebab case ("createShareLink" → create-share-link.yaml). */
    private static String fileName(JsonNode document) {
        String id = SpecFiles.operations(Path.of("new"), document).get(0).operationId();
        return id.replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                        .replaceAll("[^A-Za-z0-9]+", "-")
                        .toLowerCase()
                + ".yaml";
    }

    private static Set<String> operationKeys(JsonNode document) {
        Set<String> keys = new TreeSet<>();
        SpecFiles.operations(Path.of("."), document).forEach(op -> keys.add(op.key()));
        return keys;
    }

    /**
     * A reference page embeds the document between fences (three or more backticks, info "yaml ..."); what lies
     * between the fence lines is returned byte for byte. Anything else is taken to be the document itself.
     */
    static String extractDocument(String text) {
        Matcher open = FENCE.matcher(text);
        if (!open.find()) {
            return text;
        }
        String fence = open.group(1);
        int start = open.end();
        int end = text.indexOf("\n" + fence, start - 1);
        return end < 0 ? text.substring(start) : text.substring(start, end + 1);
    }
}
