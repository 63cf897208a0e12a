package org.xenplane.cli.resource;

/** A table column: its header and the JSON field (a dotted path, e.g. {@code target.id}) it shows. */
public record Column(String header, String field) {

    public static Column of(String header, String field) {
        return new Column(header, field);
    }
}
