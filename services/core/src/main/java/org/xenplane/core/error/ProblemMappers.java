package org.xenplane.core.error;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure that reaches the REST layer into an RFC 7807 problem with a stable code.
 * Nothing escapes as a bare 500 or a stack trace: an unexpected exception is logged with a
 * reference that the client also receives. A database outage is not unexpected: it answers
 * 503 {@code DATABASE_UNAVAILABLE} with {@code Retry-After} ({@link DatabaseFailures}).
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final DatabaseOutageLog OUTAGE_LOG = new DatabaseOutageLog();

    @ServerExceptionMapper
    public Response xenplane(XenplaneException e) {
        return ProblemResponses.of(e);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return ProblemResponses.of(FieldErrors.of(e));
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e) {
        Throwable cause = e.getCause();
        if (cause instanceof XenplaneException xe) {
            return ProblemResponses.of(xe);
        }
        String reason = cause instanceof IllegalArgumentException ? cause.getMessage() : "cannot be read";
        return ProblemResponses.of(ErrorCode.INVALID_FIELD, FieldErrors.path(e), reason);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        if (e.getProcessor() instanceof JsonParser parser && afterTheDocument(parser)) {
            return ProblemResponses.of(ErrorCode.INVALID_JSON, FieldErrors.TRAILING_TEXT);
        }
        return ProblemResponses.of(ErrorCode.INVALID_JSON, e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response constraint(ConstraintViolationException e) {
        ConstraintViolation<?> first = e.getConstraintViolations().iterator().next();
        Class<?> missingBody = FieldErrors.missingBody(first);
        if (missingBody != null) {
            return ProblemResponses.of(ErrorCode.INVALID_FIELD, "body", FieldErrors.bodyRequired(missingBody));
        }
        return ProblemResponses.of(ErrorCode.INVALID_FIELD, leafField(first), first.getMessage());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return ProblemResponses.of(ErrorCode.NOT_FOUND, uri.getPath());
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, HttpHeaders headers) {
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        return ProblemResponses.of(ErrorCode.METHOD_NOT_ALLOWED, allow == null ? "" : allow);
    }

    @ServerExceptionMapper
    public Response notSupported(NotSupportedException e, HttpHeaders headers) {
        return ProblemResponses.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, String.valueOf(headers.getMediaType()));
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e) {
        return ProblemResponses.of(ErrorCode.NOT_ACCEPTABLE);
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e) {
        return ProblemResponses.of(ErrorCode.OBJECT_CHANGED_CONCURRENTLY, "", "");
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e) {
        return ProblemResponses.of(ErrorCode.OBJECT_CHANGED_CONCURRENTLY, "", "");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof MismatchedInputException mismatched) {
                return mismatchedInput(mismatched);
            }
            if (cause instanceof JsonMappingException mapping) {
                return jsonMapping(mapping);
            }
            if (cause instanceof JsonProcessingException processing) {
                return json(processing);
            }
        }
        int status = e.getResponse().getStatus();
        if (status == 413) {
            return ProblemResponses.of(ErrorCode.REQUEST_TOO_LARGE, "");
        }
        if (status >= 400 && status < 500) {
            return ProblemResponses.of(ErrorCode.INVALID_PARAMETER, "", e.getMessage());
        }
        return unexpected(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        XenplaneException wrapped = rootXenplane(e);
        if (wrapped != null) {
            return ProblemResponses.of(wrapped);
        }
        Optional<Throwable> outage = DatabaseFailures.outageIn(e);
        if (outage.isPresent()) {
            OUTAGE_LOG.answered(outage.get());
            return ProblemResponses.of(DatabaseFailures.unavailable(e));
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, reference %s", reference);
        return ProblemResponses.of(ErrorCode.INTERNAL_ERROR, reference);
    }

    private static XenplaneException rootXenplane(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof XenplaneException xe) {
                return xe;
            }
        }
        return null;
    }

    /**
     * Whether the parser failed on a second value after a whole JSON document. (A stray close marker
     * after it, as in <code>{}]</code>, is reported with the parser's own words: the closed parser no
     * longer tells it from a lone one.)
     */
    private static boolean afterTheDocument(JsonParser parser) {
        var context = parser.getParsingContext();
        return context != null && context.inRoot() && context.getCurrentIndex() > 0;
    }

    private static String leafField(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
