package dev.sharelinks.specs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sharelinks.specs.SpecFiles.Operation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed between two versions of an OpenAPI 3.1 document, as an existing client sees it: operations,
 * parameters, request and response fields (with types, required flags and enum values), content types and
 * status codes. Written here because no maintained Java differ reads 3.1 type arrays correctly.
 */
public final class SpecDiff {

    /** One change. {@code id} is stable, so a breaking change can be acknowledged by listing it. */
    public record Change(String id, boolean breaking, String description) {}

    /** A field of a schema, flattened: "$.a.b[]" with its types, whether required, and its enum values. */
    record Field(Set<String> types, boolean required, Set<String> enumValues) {}

    private final List<Change> changes = new ArrayList<>();

    private SpecDiff() {}

    public static List<Change> compare(String spec, JsonNode before, JsonNode after) {
        SpecDiff diff = new SpecDiff();
        Map<String, Operation> old = byKey(before);
        Map<String, Operation> now = byKey(after);
        for (String key : old.keySet()) {
            if (!now.containsKey(key)) {
                diff.add("removed-operation " + key, true, spec + ": operation " + key + " was removed");
            }
        }
        for (String key : now.keySet()) {
            if (!old.containsKey(key)) {
                diff.add("added-operation " + key, false, spec + ": operation " + key + " was added");
            } else {
                diff.operation(spec, old.get(key), now.get(key));
            }
        }
        return diff.changes;
    }

    private void operation(String spec, Operation before, Operation after) {
        String op = before.key();
        Map<String, Field> oldParams = parameters(before);
        Map<String, Field> newParams = parameters(after);
        oldParams.forEach((name, field) -> {
            Field now = newParams.get(name);
            if (now == null) {
                add(
                        "removed-parameter " + op + " " + name,
                        false,
                        spec + ": " + op + " no longer takes parameter " + name);
            } else {
                fieldChanges(spec, op + " parameter", name, field, now, true);
            }
        });
        newParams.forEach((name, field) -> {
            if (!oldParams.containsKey(name)) {
                add(
                        "added-parameter " + op + " " + name,
                        field.required(),
                        spec + ": " + op + " takes a new " + (field.required() ? "required" : "optional")
                                + " parameter " + name);
            }
        });

        JsonNode oldBody = SpecFiles.resolve(before.document(), before.node().path("requestBody"));
        JsonNode newBody = SpecFiles.resolve(after.document(), after.node().path("requestBody"));
        Set<String> oldTypes = names(oldBody.path("content"));
        Set<String> newTypes = names(newBody.path("content"));
        for (String type : oldTypes) {
            if (!newTypes.contains(type)) {
                add(
                        "removed-request-content-type " + op + " " + type,
                        true,
                        spec + ": " + op + " no longer accepts " + type);
            }
        }
        if (!oldBody.path("required").asBoolean(false)
                && newBody.path("required").asBoolean(false)) {
            add("request-body-required " + op, true, spec + ": " + op + " now requires a request body");
        }
        Map<String, Field> oldFields = fields(before.document(), json(oldBody.path("content")));
        Map<String, Field> newFields = fields(after.document(), json(newBody.path("content")));
        oldFields.forEach((name, field) -> {
            Field now = newFields.get(name);
            if (now == null) {
                add(
                        "removed-request-field " + op + " " + name,
                        false,
                        spec + ": " + op + " request no longer has " + name);
            } else {
                fieldChanges(spec, op + " request", name, field, now, true);
            }
        });
        newFields.forEach((name, field) -> {
            if (!oldFields.containsKey(name)) {
                add(
                        "added-request-field " + op + " " + name,
                        field.required(),
                        spec + ": " + op + " request has a new " + (field.required() ? "required" : "optional")
                                + " field " + name);
            }
        });

        JsonNode oldResponses = before.node().path("responses");
        JsonNode newResponses = after.node().path("responses");
        for (String status : names(oldResponses)) {
            if (!newResponses.has(status)) {
                add(
                        "removed-status " + op + " " + status,
                        status.startsWith("2"),
                        spec + ": " + op + " no longer documents status " + status);
                continue;
            }
            JsonNode oldResponse = SpecFiles.resolve(before.document(), oldResponses.get(status));
            JsonNode newResponse = SpecFiles.resolve(after.document(), newResponses.get(status));
            Map<String, Field> oldOut = fields(before.document(), json(oldResponse.path("content")));
            Map<String, Field> newOut = fields(after.document(), json(newResponse.path("content")));
            String where = op + " " + status;
            oldOut.forEach((name, field) -> {
                Field now = newOut.get(name);
                if (now == null) {
                    add(
                            "removed-response-field " + where + " " + name,
                            true,
                            spec + ": " + where + " response no longer has " + name);
                } else {
                    fieldChanges(spec, where + " response", name, field, now, false);
                }
            });
            newOut.forEach((name, field) -> {
                if (!oldOut.containsKey(name)) {
                    add(
                            "added-response-field " + where + " " + name,
                            false,
                            spec + ": " + where + " response has a new field " + name);
                }
            });
        }
        for (String status : names(newResponses)) {
            if (!oldResponses.has(status)) {
                add("added-status " + op + " " + status, false, spec + ": " + op + " documents a new status " + status);
            }
        }
    }

    /** Changes of one field; {@code input} is true for what clients send, false for what they receive. */
    private void fieldChanges(String spec, String where, String name, Field before, Field after, boolean input) {
        if (!before.types().isEmpty()
                && !after.types().isEmpty()
                && !before.types().equals(after.types())) {
            boolean widened = after.types().containsAll(before.types());
            add(
                    "changed-type " + where + " " + name,
                    input ? !widened : true,
                    spec + ": " + where + " " + name + " changed type from " + before.types() + " to " + after.types());
        }
        if (input && !before.required() && after.required()) {
            add("now-required " + where + " " + name, true, spec + ": " + where + " " + name + " is now required");
        }
        for (String value : before.enumValues()) {
            if (!after.enumValues().isEmpty() && !after.enumValues().contains(value)) {
                add(
                        "removed-enum-value " + where + " " + name + " " + value,
                        input,
                        spec + ": " + where + " " + name + " no longer allows " + value);
            }
        }
        for (String value : after.enumValues()) {
            if (!before.enumValues().isEmpty() && !before.enumValues().contains(value)) {
                // generated clients refuse enum values they do not know
                add(
                        "added-enum-value " + where + " " + name + " " + value,
                        !input,
                        spec + ": " + where + " " + name + " has a new value " + value);
            }
        }
    }

    private void add(String id, boolean breaking, String description) {
        changes.add(new Change(id, breaking, description));
    }

    private static Map<String, Operation> byKey(JsonNode document) {
        Map<String, Operation> operations = new LinkedHashMap<>();
        SpecFiles.operations(null, document).forEach(op -> operations.put(op.key(), op));
        return operations;
    }

    private static Map<String, Field> parameters(Operation op) {
        Map<String, Field> parameters = new LinkedHashMap<>();
        for (JsonNode list :
                new JsonNode[] {op.pathItem().path("parameters"), op.node().path("parameters")}) {
            for (JsonNode raw : list) {
                JsonNode parameter = SpecFiles.resolve(op.document(), raw);
                JsonNode schema = SpecFiles.resolve(op.document(), parameter.path("schema"));
                parameters.put(
                        parameter.path("in").asText() + ":"
                                + parameter.path("name").asText(),
                        new Field(types(schema), parameter.path("required").asBoolean(false), enums(schema)));
            }
        }
        return parameters;
    }

    private static JsonNode json(JsonNode content) {
        for (Iterator<String> types = content.fieldNames(); types.hasNext(); ) {
            String type = types.next();
            if (type.contains("json")) {
                return content.get(type).path("schema");
            }
        }
        return content.elements().hasNext() ? content.elements().next().path("schema") : content.path("schema");
    }

    static Map<String, Field> fields(JsonNode document, JsonNode schema) {
        Map<String, Field> fields = new LinkedHashMap<>();
        collect(document, schema, "$", true, fields, 0);
        return fields;
    }

    private static void collect(
            JsonNode document, JsonNode raw, String path, boolean required, Map<String, Field> fields, int depth) {
        JsonNode schema = SpecFiles.resolve(document, raw);
        if (schema == null || schema.isMissingNode() || depth > 8) {
            return;
        }
        Set<String> requiredNames = new LinkedHashSet<>();
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        List<JsonNode> parts = new ArrayList<>();
        parts.add(schema);
        schema.path("allOf").forEach(part -> parts.add(SpecFiles.resolve(document, part)));
        Set<String> types = new TreeSet<>();
        Set<String> enums = new TreeSet<>();
        for (JsonNode part : parts) {
            types.addAll(types(part));
            enums.addAll(enums(part));
            part.path("required").forEach(name -> requiredNames.add(name.asText()));
            part.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue()));
        }
        if (!properties.isEmpty() && types.isEmpty()) {
            types.add("object");
        }
        fields.put(path, new Field(types, required, enums));
        properties.forEach((name, property) ->
                collect(document, property, path + "." + name, requiredNames.contains(name), fields, depth + 1));
        if (schema.has("items")) {
            collect(document, schema.get("items"), path + "[]", true, fields, depth + 1);
        }
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new TreeSet<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        if (schema.path("nullable").asBoolean(false)) {
            types.add("null");
        }
        return types;
    }

    private static Set<String> enums(JsonNode schema) {
        Set<String> values = new TreeSet<>();
        schema.path("enum").forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
