package org.xenplane.cli.xe;

/**
 * One xe parameter of a class: xe's name ({@code name-label}), the API field it shows
 * ({@code name}; a dotted path reaches into objects), and whether {@code *-param-set} may change it.
 */
public record XeParam(String name, String field, boolean writable) {

    static XeParam ro(String name, String field) {
        return new XeParam(name, field, false);
    }

    static XeParam rw(String name, String field) {
        return new XeParam(name, field, true);
    }

    /** xe's label: {@code name-label ( RW)}. */
    String label() {
        return name + (writable ? " ( RW)" : " ( RO)");
    }
}
