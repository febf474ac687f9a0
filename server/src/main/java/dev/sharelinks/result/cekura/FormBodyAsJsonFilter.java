package dev.sharelinks.result.cekura;

import dev.sharelinks.platform.web.BufferedBodyRequest;
import dev.sharelinks.platform.web.ErrorResponses;
import dev.sharelinks.platform.web.RequestPath;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Cekura create operation accepts its body as JSON, form-urlencoded or multipart. The generated controller
 * reads only JSON (Spring answers 415 to the other two), so form and multipart bodies are handed on as the
 * equivalent JSON: every form field becomes a string property. Validation then happens in one place.
 */
@Component
class FormBodyAsJsonFilter extends OncePerRequestFilter {

    private final JsonMapper json;
    private final ErrorResponses errors;

    FormBodyAsJsonFilter(JsonMapper json, ErrorResponses errors) {
        this.json = json;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = RequestPath.of(request);
        return !"POST".equals(request.getMethod())
                || !CekuraSurface.isCekura(path)
                || !path.endsWith("/create_shareable_link_token/")
                || !isForm(request.getContentType());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (MediaType.MULTIPART_FORM_DATA.includes(MediaType.parseMediaType(request.getContentType()))) {
            // Tomcat's parameter map swallows a multipart body it cannot parse; DRF refuses it, and so do we
            try {
                request.getParts();
            } catch (IOException | ServletException | IllegalStateException e) {
                errors.write(request, response, errors.malformedMultipart(request, e));
                return;
            }
        }
        Set<String> inQuery = queryParameterNames(request.getQueryString());
        Map<String, String> fields = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (values.length > 0 && !inQuery.contains(name)) {
                // an empty form field means "not given", as DRF treats it for nullable fields
                String value = values[values.length - 1];
                fields.put(name, value.isEmpty() ? null : value);
            }
        });
        chain.doFilter(new JsonBody(request, json.writeValueAsBytes(fields)), response);
    }

    private static Set<String> queryParameterNames(String query) {
        if (query == null || query.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(query.split("&"))
                .map(pair -> URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8))
                .collect(Collectors.toSet());
    }

    private static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_FORM_URLENCODED.includes(type) || MediaType.MULTIPART_FORM_DATA.includes(type);
        } catch (InvalidMediaTypeException e) {
            return false; // the controller's content negotiation refuses it in DRF's words
        }
    }

    /** The original request, but with a JSON body. */
    private static final class JsonBody extends BufferedBodyRequest {

        JsonBody(HttpServletRequest request, byte[] body) {
            super(request, body);
        }

        @Override
        public String getContentType() {
            return MediaType.APPLICATION_JSON_VALUE;
        }

        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? getContentType() : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)
                    ? Collections.enumeration(java.util.List.of(getContentType()))
                    : super.getHeaders(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Collections.emptyMap();
        }

        @Override
        public String getParameter(String name) {
            return null;
        }
    }
}
