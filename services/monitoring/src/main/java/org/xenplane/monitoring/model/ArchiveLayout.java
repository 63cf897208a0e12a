package org.xenplane.monitoring.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which archives every data source gets: levels from finest to coarsest and the consolidation
 * functions kept (AVERAGE always; MIN and MAX optional).
 */
public record ArchiveLayout(List<ArchiveLevel> levels, Set<Consolidation> functions) {
    /** The sampling step: every point is the value of a 5-second interval. */
    public static final int BASE_STEP = 5;

    /** xcp-rrdd's archives: 120 x 5 s (10 min), 120 x 1 min (2 h), 168 x 1 h (1 week), 366 x 1 day (1 year). */
    public static final List<ArchiveLevel> XCP_LEVELS = List.of(
            new ArchiveLevel(5, 120), new ArchiveLevel(60, 120), new ArchiveLevel(3600, 168), new ArchiveLevel(86400, 366));

    public ArchiveLayout {
        levels = List.copyOf(levels);
        if (levels.isEmpty() || levels.get(0).step() != BASE_STEP) {
            throw new IllegalArgumentException("the finest level has the 5-second step");
        }
        for (int i = 1; i < levels.size(); i++) {
            if (levels.get(i).step() <= levels.get(i - 1).step()) {
                throw new IllegalArgumentException("levels go from finest to coarsest");
            }
        }
        functions = functions.isEmpty() ? EnumSet.of(Consolidation.AVERAGE) : EnumSet.copyOf(functions);
        functions.add(Consolidation.AVERAGE);
        functions = Set.copyOf(functions);
    }

    public static ArchiveLayout xcp(Set<Consolidation> functions) {
        return new ArchiveLayout(XCP_LEVELS, functions);
    }

    /** The level with this step, if any. */
    public ArchiveLevel level(int step) {
        return levels.stream().filter(l -> l.step() == step).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no level with step " + step));
    }

    /** The finest level that holds the whole of a range this long (else the coarsest). */
    public ArchiveLevel levelFor(long rangeSeconds) {
        return levels.stream().filter(l -> l.span() >= rangeSeconds).findFirst().orElse(levels.get(levels.size() - 1));
    }

    /** Whether {@code cf} is kept, in this order: AVERAGE, MIN, MAX. */
    public Consolidation[] orderedFunctions() {
        return EnumSet.copyOf(functions).toArray(new Consolidation[0]);
    }
}
