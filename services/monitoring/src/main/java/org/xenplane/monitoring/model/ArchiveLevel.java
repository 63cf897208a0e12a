package org.xenplane.monitoring.model;

/**
 * One resolution of a round-robin archive: rows of {@code step} seconds, the newest {@code rows} kept.
 * Row {@code E} (a multiple of the step) consolidates the 5-second points in {@code (E - step, E]}.
 */
public record ArchiveLevel(int step, int rows) {

    public ArchiveLevel {
        if (step < ArchiveLayout.BASE_STEP || step % ArchiveLayout.BASE_STEP != 0 || rows < 1) {
            throw new IllegalArgumentException("a level has a step that is a multiple of 5 s and at least one row");
        }
    }

    /** How many 5-second points one row consolidates. */
    public int pointsPerRow() {
        return step / ArchiveLayout.BASE_STEP;
    }

    /** Seconds of history the level holds. */
    public long span() {
        return (long) step * rows;
    }

    /** The end of the row holding the point at {@code time}: the next multiple of the step, or time itself. */
    public long rowEnd(long time) {
        return Math.floorDiv(time + step - 1, step) * step;
    }
}
