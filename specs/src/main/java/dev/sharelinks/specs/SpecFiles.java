package dev.sharelinks.specs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The OpenAPI documents as everything downstream reads them — the effective specs under specs/target/effective/
 * (see {@link EffectiveSpecs}) — read as plain trees (the checks here need nothing more).
 */
public final class SpecFiles {

    public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    public static final Path SPECS = ROOT.resolve("specs");
    /** Built by the build before any test runs (the antrun execution "effective-specs"). */
    public static final Path EFFECTIVE = SPECS.resolve("target/effective");

    public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    public static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    /** One operation of one spec. */
    public record Operation(
            Path spec, String method, String path, JsonNode node, JsonNode pathItem, JsonNode document) {

        public String key() {
            return method.toUpperCase() + " " + path;
        }

        public String operationId() {
            return node.path("operationId").asText(key());
        }

        /** The documented response statuses, as strings ("200", "404", ...). */
        public List<String> statuses() {
            List<String> statuses = new ArrayList<>();
            node.path("responses").fieldNames().forEachRemaining(statuses::add);
            return statuses;
        }

        /** Does a concrete request path (no query) address this operation? */
        public boolean matches(String concretePath) {
            String regex = path.replaceAll("\\{[^/}]+}", "[^/]+").replace(".", "\\.");
            return concretePath.matches(regex);
        }
    }

    private SpecFiles() {}

    /** The effective specs. */
    public static List<Path> all() {
        if (!Files.isDirectory(EFFECTIVE)) {
            EffectiveSpecs.write(SPECS, EFFECTIVE);
        }
        try (Stream<Path> files = Files.walk(EFFECTIVE)) {
            return files.filter(
                            f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name a spec goes by in reports: its path as if it lay under specs/ ("specs/anam/share-links.yaml"). */
    public static String name(Path spec) {
        Path relative = spec.startsWith(EFFECTIVE) ? EFFECTIVE.relativize(spec) : SPECS.relativize(spec);
        return "specs/" + relative.toString().replace('\\', '/');
    }

    public static JsonNode read(Path spec) {
        try {
            return YAML.readTree(spec.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Operation> operations(Path spec, JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op != null) {
                    operations.add(new Operation(spec, method, path.getKey(), op, path.getValue(), document));
                }
            }
        }
        return operations;
    }

    public static List<Operation> allOperations() {
        List<Operation> operations = new ArrayList<>();
        for (Path spec : all()) {
            operations.addAll(operations(spec, read(spec)));
        }
        return operations;
    }

    /** Follows a local {@code $ref} (and chains of them); anything else is returned as is. */
    public static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current != null && current.has("$ref") && hops < 20; hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return current;
            }
            current = document.at(ref.substring(1));
        }
        return current;
    }
}
