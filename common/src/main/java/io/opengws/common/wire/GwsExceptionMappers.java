package io.opengws.common.wire;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.logging.Log;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure a resource can raise leaves as a GWS error body. The Jackson types are listed one by one
 * because Quarkus REST ships mappers for some of them, and the mapper of the closest type wins.
 */
public class GwsExceptionMappers {

    @ServerExceptionMapper
    public Response gws(GwsException failure) {
        return toResponse(failure);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException failure) {
        return toResponse(ErrorTranslator.translate(failure));
    }

    @ServerExceptionMapper
    public Response jsonParse(JsonParseException failure) {
        return toResponse(ErrorTranslator.translate(failure));
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException failure) {
        return toResponse(ErrorTranslator.translate(failure));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException failure) {
        return toResponse(ErrorTranslator.translate(failure));
    }

    @ServerExceptionMapper
    public Response valueInstantiation(ValueInstantiationException failure) {
        return toResponse(ErrorTranslator.translate(failure));
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException failure) {
        return toResponse(ErrorTranslator.translate(failure));
    }

    @ServerExceptionMapper
    public Response jsonProcessing(JsonProcessingException failure) {
        return toResponse(ErrorTranslator.translate(failure));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable failure) {
        GwsException translated = ErrorTranslator.translate(failure);
        if (translated.httpStatus() >= 500) {
            Log.errorf(failure, "Request failed: answering HTTP %d statusCode %d", translated.httpStatus(), translated.statusCode().code());
        }
        return toResponse(translated);
    }

    public static Response toResponse(GwsException failure) {
        Response.ResponseBuilder response = Response.status(failure.httpStatus())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(failure.body());
        if (failure.statusCode() == StatusCode.NOT_AUTHENTICATED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"gws\"");
        }
        return response.build();
    }
}
