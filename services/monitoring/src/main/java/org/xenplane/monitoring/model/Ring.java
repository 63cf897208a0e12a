package org.xenplane.monitoring.model;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * One data source at one level: a ring of consolidated rows per consolidation function (floats:
 * seven significant digits are plenty for monitoring and halve the memory), and the open row's
 * accumulator.
 *
 * <p>A row is closed when its last 5-second point arrives, or when a later point shows it will
 * get no more. Like RRD's xff of 0.5, a row with more than half its points unknown is unknown (NaN).
 */
final class Ring {
    private static final long NONE = Long.MIN_VALUE;

    private final ArchiveLevel level;
    private final Consolidation[] functions;
    private final float[][] rows;
    /** End of the newest closed row, or NONE. */
    private long lastEnd = NONE;
    /** End of the row being accumulated, or NONE. */
    private long openEnd = NONE;
    private double sum;
    private int known;
    private double min;
    private double max;

    Ring(ArchiveLevel level, Consolidation[] functions) {
        this.level = level;
        this.functions = functions;
        this.rows = new float[functions.length][level.rows()];
        for (float[] r : rows) {
            Arrays.fill(r, Float.NaN);
        }
        resetAccumulator();
    }

    ArchiveLevel level() {
        return level;
    }

    long lastEnd() {
        return lastEnd;
    }

    /** Adds the 5-second point ending at {@code time} (a multiple of 5, later than every earlier point). */
    void add(long time, double value) {
        long end = level.rowEnd(time);
        if (openEnd != NONE && end > openEnd) {
            close();
        }
        if (openEnd == NONE) {
            openEnd = end;
        }
        if (!Double.isNaN(value)) {
            sum += value;
            known++;
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        if (time == end) {
            close();
        }
    }

    private void close() {
        int points = level.pointsPerRow();
        boolean unknown = known == 0 || (points - known) * 2 > points;
        for (int f = 0; f < functions.length; f++) {
            double v = unknown ? Double.NaN : switch (functions[f]) {
                case AVERAGE -> sum / known;
                case MIN -> min;
                case MAX -> max;
            };
            write(f, openEnd, v);
        }
        lastEnd = openEnd;
        openEnd = NONE;
        resetAccumulator();
    }

    private void write(int f, long end, double value) {
        int step = level.step();
        int n = level.rows();
        if (f == 0 && lastEnd != NONE) {
            long gap = (end - lastEnd) / step - 1;
            for (long i = 1; i <= Math.min(gap, n); i++) {
                for (float[] r : rows) {
                    r[slot(lastEnd + i * step)] = Float.NaN;
                }
            }
        }
        rows[f][slot(end)] = (float) value;
    }

    private int slot(long end) {
        return (int) Math.floorMod(end / level.step(), (long) level.rows());
    }

    private void resetAccumulator() {
        sum = 0;
        known = 0;
        min = Double.POSITIVE_INFINITY;
        max = Double.NEGATIVE_INFINITY;
    }

    /** The oldest row end still held, or NONE. */
    long firstEnd() {
        return lastEnd == NONE ? NONE : lastEnd - (long) (level.rows() - 1) * level.step();
    }

    /** The row ending at {@code end} for {@code cf}: NaN when unknown or no longer (or not yet) held. */
    double value(Consolidation cf, long end) {
        if (lastEnd == NONE || end > lastEnd || end < firstEnd() || end % level.step() != 0) {
            return Double.NaN;
        }
        int f = indexOf(cf);
        return f < 0 ? Double.NaN : rows[f][slot(end)];
    }

    private int indexOf(Consolidation cf) {
        for (int f = 0; f < functions.length; f++) {
            if (functions[f] == cf) {
                return f;
            }
        }
        return -1;
    }

    void write(DataOutput out) throws IOException {
        out.writeLong(lastEnd);
        out.writeLong(openEnd);
        out.writeDouble(sum);
        out.writeInt(known);
        out.writeDouble(min);
        out.writeDouble(max);
        for (float[] r : rows) {
            for (float v : r) {
                out.writeFloat(v);
            }
        }
    }

    void read(DataInput in) throws IOException {
        lastEnd = in.readLong();
        openEnd = in.readLong();
        sum = in.readDouble();
        known = in.readInt();
        min = in.readDouble();
        max = in.readDouble();
        for (float[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                r[i] = in.readFloat();
            }
        }
    }

    static boolean isNone(long time) {
        return time == NONE;
    }
}
