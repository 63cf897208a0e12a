package org.xenplane.core.error;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Says in words what is wrong with one field of a JSON body: an unknown field names the fields the
 * body takes, a name where an id belongs says an id (a UUID) is expected, a wrong type names the
 * type wanted.
 */
final class FieldErrors {
    /** The INVALID_JSON detail for a body with more after its JSON document. */
    static final String TRAILING_TEXT = "there is text after the JSON document; send one JSON document";

    private FieldErrors() {
    }

    static XenplaneException of(MismatchedInputException e) {
        if (String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
            return new XenplaneException(ErrorCode.INVALID_JSON, TRAILING_TEXT);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new XenplaneException(ErrorCode.INVALID_FIELD, path(e), unknownField(unknown));
        }
        return new XenplaneException(ErrorCode.INVALID_FIELD, path(e), expected(e.getTargetType()));
    }

    /**
     * The type of the JSON body a request lacked, when the violation is a required body parameter
     * that was null (no body was sent); null for any other violation.
     */
    static Class<?> missingBody(ConstraintViolation<?> violation) {
        if (violation.getInvalidValue() != null) {
            return null;
        }
        Path.MethodNode method = null;
        Path.ParameterNode parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                method = node.as(Path.MethodNode.class);
            } else if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.as(Path.ParameterNode.class);
            } else {
                return null;
            }
        }
        if (method == null || parameter == null) {
            return null;
        }
        Class<?> type = method.getParameterTypes().get(parameter.getParameterIndex());
        return type.isRecord() ? type : null;
    }

    /** Says that a JSON body is required, and names its fields. */
    static String bodyRequired(Class<?> type) {
        String fields = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).sorted()
                .collect(Collectors.joining(", "));
        return "this request needs a JSON body (Content-Type: application/json); its fields are: " + fields;
    }

    /** The field's path in the body, e.g. {@code devices.[0].network}; {@code body} for the whole. */
    static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "body" : path;
    }

    private static String unknownField(UnrecognizedPropertyException e) {
        Collection<Object> known = e.getKnownPropertyIds();
        if (known == null || known.isEmpty()) {
            return "unknown field";
        }
        String names = known.stream().map(Objects::toString).collect(Collectors.toCollection(TreeSet::new))
                .stream().collect(Collectors.joining(", "));
        return "unknown field; the fields are: " + names;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "wrong type or shape";
        }
        if (UUID.class.equals(type)) {
            return "expected an id (a UUID such as 6a1f2d3e-0000-4000-8000-000000000001), not a name";
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
            return "expected a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "expected true or false";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
            return "expected a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "expected a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "expected an object";
        }
        return "expected an object (" + type.getSimpleName() + ")";
    }
}
