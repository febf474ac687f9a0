package dev.sharelinks.specs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Takes a vendor's new OpenAPI document and brings it into the vendored spec under specs/: every operation
 * and every component the new document has replaces (or adds to) the vendored one; operations and components
 * it does not mention stay; our {@code info} (with the choices written in its description) and servers stay.
 * The input is YAML or JSON, or a vendor reference page with the document in a fenced yaml block.
 *
 * <pre>./mvnw -q -pl specs compile exec:java -Dvendor=anam -Dfile=path/to/new-document.yaml</pre>
 */
public final class UpdateVendorSpec {

    static final Map<String, String> VENDOR_SPECS =
            Map.of("anam", "anam/share-links.yaml", "cekura", "cekura/results.yaml");

    private static final ObjectMapper WRITER = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private UpdateVendorSpec() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args[0].isBlank() || args[1].isBlank() || args[0].startsWith("${")) {
            System.err.println("usage: ./mvnw -q -pl specs compile exec:java -Dvendor="
                    + String.join("|", VENDOR_SPECS.keySet()) + " -Dfile=path/to/new-document.(yaml|json|txt)");
            System.exit(2);
        }
        Path specs = args.length > 2 ? Path.of(args[2]) : SpecFiles.SPECS;
        String target = VENDOR_SPECS.get(args[0]);
        if (target == null) {
            System.err.println("unknown vendor '" + args[0] + "'; known: " + VENDOR_SPECS.keySet());
            System.exit(2);
        }
        Path spec = specs.resolve(target);
        List<String> summary = update(spec, Files.readString(Path.of(args[1])));
        summary.forEach(System.out::println);
        System.out.println("""

                %s updated. Next: ./mvnw verify
                  - the breaking-change report (specs/target/spec-changes.md) lists what changed for clients
                  - a new operation fails the build until it has contracts and a delegate implementation""".formatted(specs.relativize(spec)));
    }

    /** Merges the new document into the spec file and writes it back; returns what changed, line by line. */
    static List<String> update(Path spec, String incomingText) throws IOException {
        JsonNode incoming = SpecFiles.parse(extractDocument(incomingText));
        if (!incoming.path("openapi").asText().startsWith("3.")) {
            throw new IllegalArgumentException("Not an OpenAPI 3 document (no 'openapi: 3.x' at its top)");
        }
        ObjectNode current = (ObjectNode) SpecFiles.read(spec);
        List<String> summary = merge(current, incoming);
        Files.writeString(spec, WRITER.writeValueAsString(current));
        return summary;
    }

    /** A reference page embeds the document in a fenced yaml block; a plain document is returned as is. */
    static String extractDocument(String text) {
        int fence = text.indexOf("```yaml");
        if (fence < 0) {
            return text;
        }
        int start = text.indexOf('\n', fence) + 1;
        int end = text.indexOf("\n```", start);
        return end < 0 ? text.substring(start) : text.substring(start, end + 1);
    }

    static List<String> merge(ObjectNode current, JsonNode incoming) {
        List<String> summary = new ArrayList<>();
        ObjectNode paths = current.with("paths");
        incoming.path("paths").fields().forEachRemaining(path -> {
            ObjectNode item =
                    paths.has(path.getKey()) ? (ObjectNode) paths.get(path.getKey()) : paths.putObject(path.getKey());
            path.getValue().fields().forEachRemaining(entry -> {
                String what = SpecFiles.METHODS.contains(entry.getKey())
                        ? entry.getKey().toUpperCase() + " " + path.getKey()
                        : path.getKey() + " " + entry.getKey();
                summary.add((item.has(entry.getKey()) ? "replaced " : "added    ") + what);
                item.set(entry.getKey(), entry.getValue());
            });
        });
        ObjectNode components = current.with("components");
        incoming.path("components").fields().forEachRemaining(section -> {
            ObjectNode target = components.with(section.getKey());
            section.getValue().fields().forEachRemaining(entry -> {
                if (!entry.getValue().equals(target.get(entry.getKey()))) {
                    summary.add((target.has(entry.getKey()) ? "replaced " : "added    ") + "components/"
                            + section.getKey() + "/" + entry.getKey());
                }
                target.set(entry.getKey(), entry.getValue());
            });
        });
        if (incoming.has("tags")) {
            ArrayNode tags = current.withArray("tags");
            incoming.path("tags").forEach(tag -> {
                boolean known = false;
                for (JsonNode existing : tags) {
                    known |= existing.path("name").equals(tag.path("name"));
                }
                if (!known) {
                    tags.add(tag);
                }
            });
        }
        return summary;
    }
}
