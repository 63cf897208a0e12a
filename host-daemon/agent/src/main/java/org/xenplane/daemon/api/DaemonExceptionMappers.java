package org.xenplane.daemon.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns a refusal thrown by a daemon endpoint, or an unreadable body, into a problem answer. */
public class DaemonExceptionMappers {
    private static final Logger LOG = Logger.getLogger(DaemonExceptionMappers.class);

    @ServerExceptionMapper
    public Response refused(DaemonException e) {
        if (e.error().status() >= 500) {
            LOG.warnf("%s %s", e.error(), e.parameters());
        }
        return DaemonProblem.response(e);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return DaemonProblem.response(new DaemonException(DaemonError.INVALID_FIELD,
                Map.of("field", "body", "reason", "unreadable JSON"), e.getOriginalMessage()));
    }
}
