package org.xenplane.cli.output;

/** How results are printed ({@code -o}): an aligned table, a wider one, JSON, YAML, or only names. */
public enum OutputFormat { TABLE, WIDE, JSON, YAML, NAME }
