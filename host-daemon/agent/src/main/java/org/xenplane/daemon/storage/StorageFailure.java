package org.xenplane.daemon.storage;

/**
 * A storage tool or file operation failed (qemu-img, lvm2, mount, the file system). The API
 * answers it as {@code SR_BACKEND_FAILURE} naming the SR, with this message as the detail.
 */
public class StorageFailure extends RuntimeException {
    public StorageFailure(String message) {
        super(message);
    }

    public StorageFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
