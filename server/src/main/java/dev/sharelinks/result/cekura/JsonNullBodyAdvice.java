package dev.sharelinks.result.cekura;

import dev.sharelinks.generated.cekura.model.SchemaPostCreateShareableLinkTokenDto;
import dev.sharelinks.platform.InvalidInputException;
import java.lang.reflect.Type;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * An empty body is "nothing given" (the default lifetime); a body that is the JSON literal {@code null} is
 * not a body at all, and DRF answers it with {"non_field_errors": ["No data provided"]}. Spring hands both
 * to the controller as null, so the difference is caught here, where only the second passes.
 */
@ControllerAdvice
class JsonNullBodyAdvice extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return targetType == SchemaPostCreateShareableLinkTokenDto.class;
    }

    @Override
    public Object afterBodyRead(
            Object body,
            HttpInputMessage inputMessage,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        if (body == null) {
            throw new InvalidInputException("non_field_errors", "No data provided");
        }
        return body;
    }
}
