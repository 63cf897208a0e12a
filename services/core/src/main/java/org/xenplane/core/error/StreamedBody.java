package org.xenplane.core.error;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that streams a large request body (a disk image upload) instead of reading
 * it into memory. {@link RequestSizeLimit} does not apply its 1 MiB limit to it; the endpoint
 * checks the size itself (against what it is writing to) and needs a {@code Content-Length}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface StreamedBody {
}
