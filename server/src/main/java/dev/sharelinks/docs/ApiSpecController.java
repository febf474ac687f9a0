package dev.sharelinks.docs;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The spec files of {@code /docs}, each naming this service as its server: the origin the request came to (the one
 * the page was loaded from), so that "Try it out" calls this instance on whatever host and port it runs — never the
 * vendors' hosts, which the page's CSP would block anyway. The build writes the copies with a placeholder server
 * (EffectiveSpecs.DOCS_ORIGIN_PLACEHOLDER in specs/, equal to {@link #ORIGIN_PLACEHOLDER}; a test keeps them equal).
 */
@Controller
class ApiSpecController {

    static final String ORIGIN_PLACEHOLDER = "https://origin-of-this-service.invalid";

    private static final Pattern ROOM = Pattern.compile("anam|cekura|sharelinks");
    private static final Pattern FILE = Pattern.compile("[a-z][a-z-]*\\.yaml");
    private static final MediaType YAML = MediaType.parseMediaType("application/yaml;charset=UTF-8");

    private final Map<String, String> specs = new ConcurrentHashMap<>();

    @GetMapping("/docs/specs/{room}/{file}")
    ResponseEntity<byte[]> spec(@PathVariable String room, @PathVariable String file, HttpServletRequest request)
            throws NoResourceFoundException {
        String name = room + "/" + file;
        Optional<String> text =
                ROOM.matcher(room).matches() && FILE.matcher(file).matches()
                        ? Optional.ofNullable(specs.get(name)).or(() -> load(name))
                        : Optional.empty();
        // only files that exist are kept: a name that does not cannot grow the map
        text.ifPresent(found -> specs.putIfAbsent(name, found));
        if (text.isEmpty()) {
            throw new NoResourceFoundException(HttpMethod.GET, request.getRequestURI(), "docs/specs/" + name);
        }
        String origin = ServletUriComponentsBuilder.fromContextPath(request)
                .replacePath(null)
                .replaceQuery(null)
                .build()
                .toUriString();
        return ResponseEntity.ok()
                .contentType(YAML)
                .body(text.get().replace(ORIGIN_PLACEHOLDER, origin).getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> load(String name) {
        ClassPathResource resource = new ClassPathResource("static/docs/specs/" + name);
        if (!resource.exists()) {
            return Optional.empty();
        }
        try (InputStream in = resource.getInputStream()) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
