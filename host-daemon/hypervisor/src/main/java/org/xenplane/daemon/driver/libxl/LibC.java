package org.xenplane.daemon.driver.libxl;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

/** The C library functions the libxl driver needs: freeing libxl's strings, and file descriptors for images and streams. */
public interface LibC extends Library {
    int O_RDONLY = 0;
    int O_WRONLY = 1;
    int O_CREAT = 0100;
    int O_TRUNC = 01000;
    int O_CLOEXEC = 02000000;

    void free(Pointer p);

    int open(String path, int flags, int mode);

    int close(int fd);

    long read(int fd, byte[] buffer, long count);

    long write(int fd, byte[] buffer, long count);

    int pipe(int[] fds);
}
