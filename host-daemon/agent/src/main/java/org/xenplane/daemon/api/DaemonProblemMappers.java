package org.xenplane.daemon.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.xenplane.daemon.driver.HypervisorException;

/** Every failure of a daemon API call as an RFC 7807 problem, shaped like the control plane's. */
public class DaemonProblemMappers {

    @ServerExceptionMapper
    public Response daemon(DaemonException e) {
        return DaemonProblem.response(e);
    }

    /** libxl's error (or the simulator's, which is the same) with the function that returned it. */
    @ServerExceptionMapper
    public Response hypervisor(HypervisorException e) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("error", e.error().libxlName());
        parameters.put("function", e.function());
        parameters.put("detail", e.detail());
        return DaemonProblem.response(new DaemonException(DaemonError.HYPERVISOR_ERROR, parameters, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response constraint(ConstraintViolationException e) {
        ConstraintViolation<?> first = e.getConstraintViolations().iterator().next();
        return DaemonProblem.response(new DaemonException(DaemonError.INVALID_FIELD,
                Map.of("field", first.getPropertyPath().toString(), "reason", first.getMessage()), null));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return DaemonProblem.response(new DaemonException(DaemonError.INVALID_FIELD,
                Map.of("field", "body", "reason", "not the expected JSON"), null));
    }

    @ServerExceptionMapper
    public Response reused(org.xenplane.daemon.domain.OperationIdReusedException e) {
        return DaemonProblem.response(new DaemonException(DaemonError.OPERATION_ID_REUSED, Map.of(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return DaemonProblem.response(new DaemonException(DaemonError.NOT_FOUND, Map.of(), null));
    }
}
