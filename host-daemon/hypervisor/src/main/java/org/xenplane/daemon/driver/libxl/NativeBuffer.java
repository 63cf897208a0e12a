package org.xenplane.daemon.driver.libxl;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * Zeroed native memory that holds one libxl struct, owned explicitly: allocate in a
 * try-with-resources, and the memory is freed when it closes (never by a finalizer). Whatever the
 * struct points to is released by its libxl {@code *_dispose}, called by the {@code onClose} given.
 */
final class NativeBuffer implements AutoCloseable {
    private final Memory memory;
    private final Runnable onClose;

    private NativeBuffer(long size, Runnable onClose) {
        this.memory = new Memory(size);
        this.memory.clear();
        this.onClose = onClose;
    }

    /** A buffer whose struct is initialised by {@code init} and disposed by {@code dispose}. */
    static NativeBuffer of(long size, java.util.function.Consumer<Pointer> init, java.util.function.Consumer<Pointer> dispose) {
        NativeBuffer[] holder = new NativeBuffer[1];
        holder[0] = new NativeBuffer(size, () -> dispose.accept(holder[0].memory));
        init.accept(holder[0].memory);
        return holder[0];
    }

    Pointer pointer() {
        return memory;
    }

    @Override
    public void close() {
        try {
            onClose.run();
        } finally {
            memory.close();
        }
    }
}
