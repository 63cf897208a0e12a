package org.xenplane.daemon.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.xenplane.daemon.driver.HypervisorException;
import org.xenplane.daemon.operation.OperationIdReusedException;
import org.xenplane.daemon.protocol.WireError;

/**
 * The daemon's one set of exception mappers: every failure of an API call (domains, storage,
 * network) as an RFC 7807 problem with a {@link WireError} code, shaped like the control plane's.
 */
public class DaemonProblemMappers {
    private static final Logger LOG = Logger.getLogger(DaemonProblemMappers.class);

    /** A refusal with its wire error (storage, network and the API's own checks). */
    @ServerExceptionMapper
    public Response refused(DaemonException e) {
        if (e.error().status() >= 500) {
            LOG.warnf("%s %s", e.error(), e.parameters());
        }
        return DaemonProblem.response(e);
    }

    /** libxl's error (or the simulator's, which is the same) with the function that returned it. */
    @ServerExceptionMapper
    public Response hypervisor(HypervisorException e) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("error", e.error().libxlName());
        parameters.put("function", e.function());
        parameters.put("detail", e.detail());
        return DaemonProblem.response(new DaemonException(WireError.HYPERVISOR_ERROR, parameters, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response constraint(ConstraintViolationException e) {
        ConstraintViolation<?> first = e.getConstraintViolations().iterator().next();
        return invalidField(first.getPropertyPath().toString(), first.getMessage());
    }

    /** A body that is not JSON, or not of the expected shape: names the field when it can. */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? m.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
                        .collect(Collectors.joining("."))
                : "body";
        return invalidField(field, "wrong type or shape");
    }

    /** A value of the wrong type (instead of the framework's own answer, which is not a problem). */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    /** The framework's refusals; one caused by an unreadable body is answered as such. */
    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return unreadable(json);
            }
        }
        return e.getResponse();
    }

    @ServerExceptionMapper
    public Response reused(OperationIdReusedException e) {
        return DaemonProblem.response(new DaemonException(WireError.OPERATION_ID_REUSED, Map.of(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return DaemonProblem.response(new DaemonException(WireError.NOT_FOUND, Map.of(), null));
    }

    private static Response invalidField(String field, String reason) {
        return DaemonProblem.response(new DaemonException(WireError.INVALID_FIELD,
                Map.of("field", field, "reason", reason), null));
    }
}
