package org.xenplane.daemon.driver.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.UUID;
import org.xenplane.daemon.driver.DriverOperation;
import org.xenplane.daemon.driver.XenError;
import org.xenplane.daemon.protocol.DomainSpec;

/**
 * The saved state of a simulated domain: what a suspend image file or a migration stream holds.
 * Its memory is represented by its size; a real image holds the pages themselves.
 *
 * @param format       {@link #FORMAT}
 * @param vmId         whose state it is
 * @param spec         the domain's configuration when it was saved
 * @param memoryActual its balloon then
 * @param vcpusOnline  its online vCPUs then
 * @param savedAt      when
 */
record SimulatedImage(String format, UUID vmId, DomainSpec spec, long memoryActual, int vcpusOnline, Instant savedAt) {
    static final String FORMAT = "xenplane-simulator-image/1";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static SimulatedImage of(SimulatedDomain domain) {
        return new SimulatedImage(FORMAT, domain.spec.vmId(), domain.spec, domain.memoryActual, domain.vcpusOnline,
                Instant.now());
    }

    void writeTo(OutputStream out, DriverOperation operation) {
        try {
            JSON.writeValue(out, this);
        } catch (IOException e) {
            throw operation.failure(XenError.FAIL, "cannot write the domain's state: " + e.getMessage());
        }
    }

    /** Reads an image for {@code expected}; one written for another domain, or unreadable, is {@code ERROR_INVAL}/{@code ERROR_FAIL}. */
    static SimulatedImage readFrom(InputStream in, UUID expected, DriverOperation operation) {
        SimulatedImage image;
        try {
            image = JSON.readValue(in, SimulatedImage.class);
        } catch (IOException e) {
            throw operation.failure(XenError.FAIL, "cannot read the domain's state: " + e.getClass().getSimpleName());
        }
        if (!FORMAT.equals(image.format()) || !expected.equals(image.vmId())) {
            throw operation.failure(XenError.INVAL, "the saved state is not domain " + expected + "'s");
        }
        return image;
    }
}
