package org.xenplane.storage.model;

/** Read-only or read-write (XenAPI {@code vbd_mode}). */
public enum VbdMode {
    RO, RW
}
