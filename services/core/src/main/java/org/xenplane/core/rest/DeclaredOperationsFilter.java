package org.xenplane.core.rest;

import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.security.Authorized;
import org.xenplane.core.security.CallerKind;
import org.xenplane.core.security.CommonErrors;
import org.xenplane.core.security.DeclaredOperation;
import org.xenplane.core.security.OperationCatalog;

/**
 * Writes each endpoint's declared operation into the OpenAPI document, so the docs say what the
 * RBAC check, the state check and the error mapping do, from the same declaration:
 * {@code x-xenplane-operation}, {@code x-xenplane-minimum-role} (or {@code x-xenplane-caller}),
 * {@code x-xenplane-allowed-states}, {@code x-xenplane-errors} (the operation's own codes), a line in the
 * description, one error response per HTTP status listing the codes answered with it (declared and
 * {@link CommonErrors}) with the {@link ProblemSchema Problem} body, and the bearer security
 * requirement on every operation that needs a caller (not on anonymous ones such as login).
 * Resources annotate only their success responses. Operation ids arrive as
 * {@code package.Class_method} and leave as {@code Class_method}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUN)
public class DeclaredOperationsFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(ProblemSchema.NAME, ProblemSchema.schema());
    }

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
        } else {
            operation.addExtension("x-xenplane-caller", declared.caller().name().toLowerCase());
            who = declared.caller() == CallerKind.HOST ? "a host daemon's credential" : "no bearer token";
        }
        String states = "";
        if (!declared.allowedStates().isEmpty()) {
            operation.addExtension("x-xenplane-allowed-states", declared.allowedStates());
            states = " Allowed when the object is " + String.join(" or ", declared.allowedStates()) + ".";
        }
        operation.addExtension("x-xenplane-errors", declared.errors().stream().map(ErrorCode::name).toList());
        String text = Optional.ofNullable(operation.getDescription()).map(d -> d + "\n\n").orElse("");
        operation.setDescription(text + "Operation `" + declared.id() + "`; requires " + who + "." + states);
        addErrorResponses(operation, declared);
    }

    /** One response per status, e.g. 409: the codes answered with it, each with its title. */
    private static void addErrorResponses(Operation operation, DeclaredOperation declared) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        Map<Integer, List<ErrorCode>> byStatus = CommonErrors.withCommon(declared).stream()
                .collect(Collectors.groupingBy(ErrorCode::httpStatus, TreeMap::new, Collectors.toList()));
        byStatus.forEach((status, codes) -> responses.addAPIResponse(String.valueOf(status),
                OASFactory.createAPIResponse().content(ProblemSchema.content()).description(codes.stream()
                        .map(code -> "`" + code.name() + "`: " + code.title()).collect(Collectors.joining("; ")))));
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
