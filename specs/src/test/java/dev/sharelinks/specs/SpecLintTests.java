package dev.sharelinks.specs;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every document under specs/ is a valid OpenAPI 3.1 document, as swagger-parser reads it. */
class SpecLintTests {

    static Stream<Path> specs() {
        return SpecFiles.all().stream();
    }

    @ParameterizedTest
    @MethodSource("specs")
    void isValidOpenApi31(Path spec) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result =
                new OpenAPIV3Parser().readLocation(spec.toUri().toString(), null, options);
        assertThat(result.getMessages()).as("problems in %s", spec).isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.1");
        assertThat(SpecFiles.operations(spec, SpecFiles.read(spec)))
                .allSatisfy(op -> assertThat(op.node().has("operationId"))
                        .as("%s has an operationId", op.key())
                        .isTrue());
    }
}
