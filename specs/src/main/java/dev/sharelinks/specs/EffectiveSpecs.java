package dev.sharelinks.specs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Builds the specs everything downstream reads (generators, lint, contract coverage, response checks, /docs):
 * for each vendor, its documents under {@code specs/<vendor>/vendor/} (as the vendor publishes them) merged into
 * one, with {@code specs/<vendor>/overlay.yaml} applied; our own specs as they are. Written to
 * {@code specs/target/effective/}, a file only when its content changed (so an unchanged spec generates nothing
 * again). The build runs it before generating; {@code main(specsDir)}.
 */
public final class EffectiveSpecs {

    /** A vendor's room under specs/ and the name of its effective spec. */
    public record Vendor(String name, String effectiveFile) {

        public String effective() {
            return name + "/" + effectiveFile;
        }
    }

    public static final List<Vendor> VENDORS =
            List.of(new Vendor("anam", "share-links.yaml"), new Vendor("cekura", "results.yaml"));

    /** The folders under specs/ whose YAML files the effective specs are built from. */
    public static final List<String> SOURCE_ROOMS = List.of("anam", "cekura", "sharelinks");

    /** The documents a vendor's reference does not carry on a page of its own sort last (see specs/README.md). */
    static final String TRANSCRIBED_PREFIX = "transcribed";

    private static final ObjectMapper WRITER = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build());

    private EffectiveSpecs() {}

    public static void main(String[] args) {
        Path specs =
                Path.of(args.length > 0 ? args[0] : "specs").toAbsolutePath().normalize();
        try {
            int written = write(specs, specs.resolve("target/effective"));
            writeDocs(specs, specs.resolve("target/docs"));
            System.out.println("[effective specs] " + written + " written to " + specs.resolve("target/effective")
                    + (written == 0 ? " (all unchanged)" : ""));
        } catch (RuntimeException e) {
            // one line the build log shows as the reason, without a stack trace to dig through
            System.err.println("[effective specs] " + e.getMessage());
            System.exit(1);
        }
    }

    /** Writes every effective spec under {@code out}; returns how many files changed. */
    public static int write(Path specs, Path out) {
        return writeAll(texts(specs), out);
    }

    private static int writeAll(Map<String, String> texts, Path out) {
        int written = 0;
        try {
            for (Map.Entry<String, String> spec : texts.entrySet()) {
                Path file = out.resolve(spec.getKey());
                if (!Files.exists(file) || !Files.readString(file).equals(spec.getValue())) {
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, spec.getValue());
                    written++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    /**
     * Written into the copies /docs serves as their one server; the server puts the origin the page was loaded from
     * in its place when it serves them (ApiSpecController), so that "Try it out" calls the instance it is on.
     */
    public static final String DOCS_ORIGIN_PLACEHOLDER = "https://origin-of-this-service.invalid";

    /**
     * The copies /docs serves: the effective specs with this service (see {@link #DOCS_ORIGIN_PLACEHOLDER}) as their
     * one server instead of the vendors' hosts, and without tags no operation uses (the vendor's document lists seven).
     */
    public static int writeDocs(Path specs, Path out) {
        Map<String, String> docs = new LinkedHashMap<>();
        build(specs).forEach((name, document) -> docs.put(name, header(name) + docsText(document)));
        return writeAll(docs, out);
    }

    static String docsText(JsonNode effective) {
        ObjectNode document = effective.deepCopy();
        ArrayNode servers = SpecFiles.YAML.createArrayNode();
        servers.addObject()
                .put("url", DOCS_ORIGIN_PLACEHOLDER)
                .put("description", "this service (the origin this page was loaded from)");
        document.set("servers", servers);
        // parameters written in place: Swagger UI's "Try it out" does not resolve a parameter $ref it finds on a
        // path item (it shows a nameless parameter and sends the path with {token} in it)
        document.path("paths").forEach(item -> {
            inlineParameters(document, item.path("parameters"));
            for (String method : SpecFiles.METHODS) {
                inlineParameters(document, item.path(method).path("parameters"));
            }
        });
        if (document.has("tags")) {
            Set<String> used = new java.util.HashSet<>();
            SpecFiles.operations(null, document)
                    .forEach(op -> op.node().path("tags").forEach(tag -> used.add(tag.asText())));
            ArrayNode tags = SpecFiles.YAML.createArrayNode();
            document.get("tags").forEach(tag -> {
                if (used.contains(tag.path("name").asText())) {
                    tags.add(tag);
                }
            });
            document.set("tags", tags);
        }
        try {
            return WRITER.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void inlineParameters(JsonNode document, JsonNode parameters) {
        if (parameters instanceof ArrayNode list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).has("$ref")) {
                    list.set(i, SpecFiles.resolve(document, list.get(i)).deepCopy());
                }
            }
        }
    }

    private static String header(String name) {
        String room = name.substring(0, name.indexOf('/'));
        return room.equals("sharelinks")
                ? "# specs/" + name + " as /docs serves it (EffectiveSpecs.writeDocs).\n"
                : "# Built from specs/" + room + "/vendor/*.yaml and specs/" + room + "/overlay.yaml by the build"
                        + " (EffectiveSpecs), as /docs serves it.\n";
    }

    /** Every spec as downstream sees it, by its name relative to specs/ ("anam/share-links.yaml", ...). */
    public static Map<String, JsonNode> build(Path specs) {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        texts(specs).forEach((name, text) -> documents.put(name, SpecFiles.parse(text)));
        return documents;
    }

    private static Map<String, String> texts(Path specs) {
        Map<String, String> texts = new LinkedHashMap<>();
        try {
            for (Vendor vendor : VENDORS) {
                Path room = specs.resolve(vendor.name());
                if (Files.isDirectory(room.resolve("vendor"))) {
                    String header = "# Built from specs/" + vendor.name() + "/vendor/*.yaml and specs/" + vendor.name()
                            + "/overlay.yaml by the build (EffectiveSpecs). Do not edit: edit those.\n";
                    texts.put(vendor.effective(), header + WRITER.writeValueAsString(effective(room)));
                } else if (Files.exists(room.resolve(vendor.effectiveFile()))) {
                    // the layout before vendor documents and overlays (an old git base of the breaking-change report)
                    texts.put(vendor.effective(), Files.readString(room.resolve(vendor.effectiveFile())));
                }
            }
            Path ours = specs.resolve("sharelinks");
            if (Files.isDirectory(ours)) {
                try (Stream<Path> files = Files.list(ours)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".yaml"))
                            .sorted()
                            .toList()) {
                        texts.put("sharelinks/" + file.getFileName(), Files.readString(file));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    /** A vendor's documents merged, with its overlay applied. */
    public static JsonNode effective(Path room) {
        JsonNode merged = merge(vendorDocuments(room.resolve("vendor")));
        Path overlay = room.resolve("overlay.yaml");
        if (!Files.exists(overlay)) {
            return merged;
        }
        return OverlayApplier.apply(merged, SpecFiles.read(overlay), room.getFileName() + "/overlay.yaml");
    }

    /** The vendor's documents, pages first (by file name), the transcribed ones last. */
    public static List<Path> vendorDocuments(Path vendorDir) {
        try (Stream<Path> files = Files.list(vendorDir)) {
            return files.filter(f -> f.toString().endsWith(".yaml"))
                    .sorted(Comparator.comparing(
                                    (Path f) -> f.getFileName().toString().startsWith(TRANSCRIBED_PREFIX))
                            .thenComparing(f -> f.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One document from several: paths and components are joined, and one defined twice must be defined alike
     * (both of the vendor's pages carry {@code ShareLink}); tags are joined by name; every other top-level field
     * (openapi, info, servers, security) comes from the first document that has it, and any other document that
     * has it must agree.
     */
    static JsonNode merge(List<Path> documents) {
        if (documents.isEmpty()) {
            throw new IllegalStateException("no vendor documents");
        }
        ObjectNode merged = SpecFiles.YAML.createObjectNode();
        Map<String, String> origin = new LinkedHashMap<>();
        for (Path file : documents) {
            String name = file.getParent().getParent().getFileName() + "/vendor/" + file.getFileName();
            JsonNode document = SpecFiles.read(file);
            for (Iterator<Map.Entry<String, JsonNode>> fields = document.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                switch (field.getKey()) {
                    case "paths" ->
                        join(merged.withObjectProperty("paths"), field.getValue(), "paths", name, origin, 2);
                    case "components" ->
                        join(merged.withObjectProperty("components"), field.getValue(), "components", name, origin, 2);
                    case "tags" -> joinTags(merged.withArrayProperty("tags"), field.getValue());
                    default -> {
                        JsonNode existing = merged.get(field.getKey());
                        if (existing == null) {
                            merged.set(field.getKey(), field.getValue());
                            origin.put(field.getKey(), name);
                        } else if (!existing.equals(field.getValue())) {
                            throw new IllegalStateException("'" + field.getKey() + "' differs between "
                                    + origin.get(field.getKey()) + " and " + name
                                    + "; the vendor's documents must agree on it");
                        }
                    }
                }
            }
        }
        return merged;
    }

    /** Joins maps {@code depth} levels deep (paths → path → method; components → section → name). */
    private static void join(
            ObjectNode into, JsonNode from, String where, String name, Map<String, String> origin, int depth) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = from.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = where + " " + field.getKey();
            JsonNode existing = into.get(field.getKey());
            if (depth > 1 && field.getValue().isObject()) {
                join(into.withObjectProperty(field.getKey()), field.getValue(), key, name, origin, depth - 1);
            } else if (existing == null) {
                into.set(field.getKey(), field.getValue());
                origin.put(key, name);
            } else if (!existing.equals(field.getValue())) {
                throw new IllegalStateException(key + " is in both " + origin.get(key) + " and " + name
                        + ", differently. The vendor's pages are views of one document: bring in its other pages"
                        + " too; a transcription the vendor now publishes a page for is removed from the"
                        + " transcribed file");
            }
        }
    }

    private static void joinTags(ArrayNode into, JsonNode tags) {
        List<JsonNode> known = new ArrayList<>();
        into.forEach(tag -> known.add(tag.path("name")));
        for (JsonNode tag : tags) {
            if (!known.contains(tag.path("name"))) {
                into.add(tag);
                known.add(tag.path("name"));
            }
        }
    }
}
