package org.xenplane.daemon.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenplane.daemon.protocol.JoinResponse;

class IdentityStoreTest {
    private static final JoinResponse IDENTITY =
            new JoinResponse(UUID.randomUUID(), UUID.randomUUID(), "xph_secret", "xpc_secret");

    @TempDir
    Path temp;

    @Test
    void savedIdentityLoadsBackWithBothCredentials() {
        IdentityStore store = new IdentityStore(temp.resolve("state"), new ObjectMapper());
        store.save("sim-host-1", IDENTITY);
        assertEquals(IDENTITY, new IdentityStore(temp.resolve("state"), new ObjectMapper()).load("sim-host-1").orElseThrow());
    }

    @Test
    void stateDirectoryIsCreated0700AndIdentityFile0600() throws IOException {
        Path dir = temp.resolve("state");
        new IdentityStore(dir, new ObjectMapper()).save("sim-host-1", IDENTITY);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("sim-host-1.json"))));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void hostWithoutSavedIdentityHasNone() {
        assertTrue(new IdentityStore(temp, new ObjectMapper()).load("sim-host-2").isEmpty());
    }

    @Test
    void corruptIdentityFileIsAnErrorThatDoesNotQuoteItsContent() throws IOException {
        Files.writeString(temp.resolve("sim-host-1.json"), "{\"hostCredential\": xph_secret_unquoted}");
        IdentityStore store = new IdentityStore(temp, new ObjectMapper());
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> store.load("sim-host-1"));
        assertFalse(e.getMessage().contains("xph_secret"), e.getMessage());
        assertFalse(e.getCause().getMessage().contains("xph_secret"));
    }

    @Test
    void identityFileWithoutCredentialsIsAnError() throws IOException {
        Files.writeString(temp.resolve("sim-host-1.json"), "{\"hostId\": \"" + UUID.randomUUID() + "\"}");
        IdentityStore store = new IdentityStore(temp, new ObjectMapper());
        assertThrows(UncheckedIOException.class, () -> store.load("sim-host-1"));
    }
}
