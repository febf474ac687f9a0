package dev.sharelinks.result.cekura;

import dev.sharelinks.generated.cekura.api.ResultsApiDelegate;
import dev.sharelinks.generated.cekura.model.SchemaCreateShareableLinkTokenResponseDto;
import dev.sharelinks.generated.cekura.model.SchemaPostCreateShareableLinkTokenDto;
import dev.sharelinks.platform.config.ShareLinksProperties;
import dev.sharelinks.platform.security.CurrentCaller;
import dev.sharelinks.result.ResultService;
import dev.sharelinks.result.ResultShareLink;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cekura shareable result links (specs/cekura/results.yaml). The create operation is served at both of the
 * vendor's paths, and so is the read; each pair is one piece of code.
 */
@Service
class CekuraResultsDelegate implements ResultsApiDelegate {

    private static final TypeReference<Map<String, Object>> DOCUMENT = new TypeReference<>() {};

    private final ResultService results;
    private final ShareLinksProperties properties;
    private final JsonMapper json;

    CekuraResultsDelegate(ResultService results, ShareLinksProperties properties, JsonMapper json) {
        this.results = results;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public ResponseEntity<SchemaCreateShareableLinkTokenResponseDto> createShareableLinkToken2(
            Integer id, SchemaPostCreateShareableLinkTokenDto body) {
        return create(id, body);
    }

    @Override
    public ResponseEntity<SchemaCreateShareableLinkTokenResponseDto> createShareableLinkToken(
            Integer id, SchemaPostCreateShareableLinkTokenDto body) {
        return create(id, body);
    }

    @Override
    public ResponseEntity<Map<String, Object>> retrieveResult(Integer id) {
        return read(id);
    }

    @Override
    public ResponseEntity<Map<String, Object>> retrieveResultExternal(Integer id) {
        return read(id);
    }

    private ResponseEntity<SchemaCreateShareableLinkTokenResponseDto> create(
            int id, SchemaPostCreateShareableLinkTokenDto body) {
        String expireAt = body == null ? null : body.getExpireAt().orElse(null);
        ResultShareLink link = results.createShareLink(
                CurrentCaller.organizationId(), id, () -> DrfDateTime.parse("expire_at", expireAt));
        String path = "/share/result/" + link.resultId() + "/" + link.token();
        var response = new SchemaCreateShareableLinkTokenResponseDto(link.token(), properties.publicBase() + path);
        if (link.customDomain() != null) {
            response.customLink("https://" + link.customDomain() + path).customDomain(true);
        }
        return ResponseEntity.ok(response);
    }

    private ResponseEntity<Map<String, Object>> read(int id) {
        String document = CurrentCaller.resultToken()
                .map(token -> results.readShared(id, token.token()))
                .orElseGet(() -> results.read(CurrentCaller.organizationId(), id));
        return ResponseEntity.ok(json.readValue(document, DOCUMENT));
    }
}
