package org.xenplane.monitoring.model;

import java.util.Map;

/**
 * Rows fetched from one level: {@code times[i]} is the end of row i, {@code values.get(ds)[i]} its
 * value (NaN when unknown).
 */
public record Series(int step, Consolidation consolidation, long[] times, Map<String, double[]> values) {
}
