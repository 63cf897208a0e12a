package org.xenplane.monitoring.model;

/** How the rows of a coarser archive consolidate the 5-second points (RRD's consolidation functions). */
public enum Consolidation {
    AVERAGE, MIN, MAX
}
