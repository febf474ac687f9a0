package dev.sharelinks.specs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.sharelinks.specs.SpecFiles.Operation;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultHandler;

/**
 * Checks each real exchange against the spec of the operation it addresses, independently of the generated
 * code: the status must be documented (protocol-level statuses excepted), the content type must be one the
 * spec names, the body must validate against the spec's schema (JSON Schema 2020-12, as OpenAPI 3.1 says,
 * by networknt's validator), and a request the server accepted (2xx) must validate against the request
 * schema. Any drift fails the test that made the request. A 501 always fails: it is the generated default of
 * an operation nobody implemented.
 */
public final class SpecConformance implements ResultHandler {

    /** Statuses the servlet stack itself answers (wrong method, media type, size, load) on any operation. */
    private static final Set<Integer> PROTOCOL_STATUSES = Set.of(405, 406, 413, 415, 429, 500, 503);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Operation> OPERATIONS = SpecFiles.allOperations();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    @Override
    public void handle(MvcResult result) throws Exception {
        String method = result.getRequest().getMethod().toLowerCase();
        String path = result.getRequest().getRequestURI();
        MockHttpServletResponse response = result.getResponse();
        Operation operation = OPERATIONS.stream()
                .filter(op -> op.method().equals(method) && op.matches(path))
                .min(Comparator.comparingInt(op -> op.path().split("\\{").length))
                .orElse(null);
        if (operation == null) {
            return; // not an API operation (pages, /error, unmapped paths)
        }
        int status = response.getStatus();
        String where = operation.key() + " (" + operation.operationId() + ") answered " + status;
        if (status == 501) {
            throw new AssertionError(where + ": the operation is not implemented");
        }
        if (status >= 200 && status < 300) {
            checkAcceptedRequest(operation, result, where);
        }
        JsonNode documented = operation.node().path("responses").get(String.valueOf(status));
        if (documented == null) {
            documented = operation.node().path("responses").get("default");
        }
        if (documented == null) {
            boolean firewall = status == 400 && result.getHandler() == null; // malformed URL, refused before routing
            if (PROTOCOL_STATUSES.contains(status) || firewall) {
                return;
            }
            throw new AssertionError(where + ", a status the spec does not document (" + operation.statuses() + ")");
        }
        JsonNode content = SpecFiles.resolve(operation.document(), documented).path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return; // the spec documents the status without a body shape
        }
        String contentType = response.getContentType();
        MediaType actual = contentType == null ? null : MediaType.parseMediaType(contentType);
        String declared = null;
        for (var names = content.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (actual != null && MediaType.parseMediaType(name).isCompatibleWith(actual)) {
                declared = name;
            }
        }
        if (declared == null) {
            throw new AssertionError(where + " with content type " + contentType + ", the spec says "
                    + content.properties().stream().map(Map.Entry::getKey).toList());
        }
        JsonNode schemaNode = content.path(declared).path("schema");
        MediaType declaredType = MediaType.parseMediaType(declared);
        boolean json = declaredType.getSubtype().equals("json")
                || declaredType.getSubtype().endsWith("+json");
        if (schemaNode.isMissingNode() || !json) {
            return; // an image or a text: its content type was the check
        }
        JsonSchema schema = SCHEMAS.computeIfAbsent(
                operation.spec() + " " + operation.key() + " " + status + " " + declared,
                key -> compile(operation.document(), schemaNode));
        JsonNode body = JSON.readTree(response.getContentAsByteArray());
        Set<ValidationMessage> problems = schema.validate(body);
        if (!problems.isEmpty()) {
            throw new AssertionError(where + " with a body that does not match the spec: "
                    + problems.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("; "))
                    + "\nbody: " + response.getContentAsString());
        }
    }

    /**
     * A request the server accepted must be one the spec allows: a 2xx answer to a JSON body that breaks the
     * request schema means the server is laxer than its contract. (Refused requests are the tests' business.)
     */
    private static void checkAcceptedRequest(Operation operation, MvcResult result, String where) throws Exception {
        String contentType = result.getRequest().getContentType();
        byte[] body = result.getRequest().getContentAsByteArray();
        if (contentType == null
                || body == null
                || body.length == 0
                || !MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType))) {
            return;
        }
        JsonNode requestBody =
                SpecFiles.resolve(operation.document(), operation.node().path("requestBody"));
        JsonNode schemaNode =
                requestBody.path("content").path("application/json").path("schema");
        if (schemaNode.isMissingNode()) {
            return;
        }
        JsonSchema schema = SCHEMAS.computeIfAbsent(
                operation.spec() + " " + operation.key() + " request",
                key -> compile(operation.document(), schemaNode));
        Set<ValidationMessage> problems = schema.validate(JSON.readTree(body));
        if (!problems.isEmpty()) {
            throw new AssertionError(where + " to a request body the spec does not allow: "
                    + problems.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("; "))
                    + "\nrequest: " + new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** The response schema, with the document's components beside it so its local $refs resolve. */
    private static JsonSchema compile(JsonNode document, JsonNode schema) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", "#/$defs/response");
        root.putObject("$defs").set("response", schema);
        root.set("components", document.path("components"));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
    }
}
