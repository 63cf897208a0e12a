package org.xenplane.core.rest;

import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.xenplane.core.security.Authorized;
import org.xenplane.core.security.CallerKind;
import org.xenplane.core.security.DeclaredOperation;
import org.xenplane.core.security.OperationCatalog;

/**
 * Writes each endpoint's declared operation into the OpenAPI document, so the docs say who may
 * call what from the same declaration the RBAC check reads: {@code x-xenplane-operation},
 * {@code x-xenplane-minimum-role} (or {@code x-xenplane-caller}), a line in the description, and the bearer
 * security requirement on every operation that needs a caller (not on anonymous ones such as login).
 * Operation ids arrive as {@code package.Class_method} and leave as {@code Class_method}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUN)
public class DeclaredOperationsFilter implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        String operationId = operation.getOperationId();
        if (operationId == null || !operationId.contains("_")) {
            return operation;
        }
        String className = operationId.substring(0, operationId.lastIndexOf('_'));
        String methodName = operationId.substring(operationId.lastIndexOf('_') + 1);
        operation.setOperationId(className.substring(className.lastIndexOf('.') + 1) + "_" + methodName);
        declaration(className, methodName).ifPresent(declared -> describe(operation, declared));
        return operation;
    }

    private static void describe(Operation operation, DeclaredOperation declared) {
        operation.addExtension("x-xenplane-operation", declared.id());
        String who;
        if (declared.caller() != CallerKind.ANONYMOUS) {
            operation.addSecurityRequirement(BearerSecurityScheme.requirement());
        }
        if (declared.caller() == CallerKind.USER) {
            operation.addExtension("x-xenplane-minimum-role", declared.minimumRole().wireName());
            who = "role " + declared.minimumRole().wireName() + " or higher";
            addProblem(operation.getResponses(), "401", "SESSION_AUTHENTICATION_FAILED: no or a malformed"
                    + " Authorization header; SESSION_INVALID: an unknown, revoked or expired token");
            addProblem(operation.getResponses(), "403", "RBAC_PERMISSION_DENIED: the role is too low");
        } else {
            operation.addExtension("x-xenplane-caller", declared.caller().name().toLowerCase());
            who = declared.caller() == CallerKind.HOST ? "a host daemon's credential" : "no bearer token";
        }
        String text = Optional.ofNullable(operation.getDescription()).map(d -> d + "\n\n").orElse("");
        operation.setDescription(text + "Operation `" + declared.id() + "`; requires " + who + ".");
    }

    private static void addProblem(APIResponses responses, String status, String description) {
        if (responses != null && !responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Optional<DeclaredOperation> declaration(String className, String methodName) {
        try {
            Class<?> type = Class.forName(className, false, Thread.currentThread().getContextClassLoader());
            Optional<Method> method = Arrays.stream(type.getDeclaredMethods())
                    .filter(m -> m.getName().equals(methodName) && m.isAnnotationPresent(Authorized.class))
                    .findFirst();
            if (method.isEmpty()) {
                return Optional.empty();
            }
            OperationCatalog catalog = Arc.container().instance(OperationCatalog.class).get();
            return catalog.find(method.get().getAnnotation(Authorized.class).value());
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }
}
