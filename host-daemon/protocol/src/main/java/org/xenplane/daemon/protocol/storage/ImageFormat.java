package org.xenplane.daemon.protocol.storage;

import java.util.Locale;

/** The formats a volume's content is imported or exported in. */
public enum ImageFormat {
    RAW, QCOW2;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code raw} or {@code qcow2}; null for anything else. */
    public static ImageFormat parse(String text) {
        if (text == null) {
            return null;
        }
        for (ImageFormat f : values()) {
            if (f.id().equals(text)) {
                return f;
            }
        }
        return null;
    }
}
