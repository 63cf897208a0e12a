package org.xenplane.monitoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ObjectArchiveTest {
    private static final ArchiveLayout ALL = ArchiveLayout.xcp(EnumSet.allOf(Consolidation.class));
    private static final ArchiveLevel FIVE_S = ALL.level(5);
    private static final ArchiveLevel MINUTE = ALL.level(60);
    private static final ArchiveLevel HOUR = ALL.level(3600);
    private static final ArchiveLevel DAY = ALL.level(86400);
    /** A day boundary, so that every level's rows line up with it. */
    private static final long T0 = 1_700_006_400L;

    @Test
    void fiveSecondArchiveHoldsEachSampleAsItsOwnRow() {
        ObjectArchive archive = new ObjectArchive(ALL);
        for (int i = 1; i <= 3; i++) {
            archive.add(T0 + 5L * i, Map.of("cpu0", i * 0.25));
        }
        Series s = archive.fetch(List.of("cpu0"), T0, T0 + 15, FIVE_S, Consolidation.AVERAGE);
        assertThat(s.times()).containsExactly(T0 + 5, T0 + 10, T0 + 15);
        assertThat(s.values().get("cpu0")).containsExactly(0.25, 0.5, 0.75);
    }

    @Test
    void minuteRowsAverageMinAndMaxTheirTwelvePoints() {
        ObjectArchive archive = new ObjectArchive(ALL);
        // minute 1: 1..12 -> avg 6.5, min 1, max 12; minute 2: 13..24 -> avg 18.5
        for (int i = 1; i <= 24; i++) {
            archive.add(T0 + 5L * i, Map.of("memory", (double) i));
        }
        assertThat(archive.fetch(List.of("memory"), T0, T0 + 120, MINUTE, Consolidation.AVERAGE).values().get("memory"))
                .containsExactly(6.5, 18.5);
        assertThat(archive.fetch(List.of("memory"), T0, T0 + 120, MINUTE, Consolidation.MIN).values().get("memory"))
                .containsExactly(1.0, 13.0);
        assertThat(archive.fetch(List.of("memory"), T0, T0 + 120, MINUTE, Consolidation.MAX).values().get("memory"))
                .containsExactly(12.0, 24.0);
        assertThat(archive.fetch(List.of("memory"), T0, T0 + 120, MINUTE, Consolidation.AVERAGE).times())
                .containsExactly(T0 + 60, T0 + 120);
    }

    @Test
    void hourAndDayRowsConsolidateEveryPointOfTheirInterval() {
        ObjectArchive archive = new ObjectArchive(ALL);
        // two days of points: value = the hour of the day it falls in (0..23), 720 points per hour
        for (long t = T0 + 5; t <= T0 + 2 * 86400; t += 5) {
            long hour = ((t - T0 - 1) / 3600) % 24;
            archive.add(t, Map.of("cpu_avg", (double) hour));
        }
        Series hours = archive.fetch(List.of("cpu_avg"), T0, T0 + 86400, HOUR, Consolidation.AVERAGE);
        assertThat(hours.times()).hasSize(24).startsWith(T0 + 3600).endsWith(T0 + 86400);
        for (int h = 0; h < 24; h++) {
            assertThat(hours.values().get("cpu_avg")[h]).isEqualTo(h);
        }
        Series days = archive.fetch(List.of("cpu_avg"), T0, T0 + 2 * 86400, DAY, Consolidation.AVERAGE);
        assertThat(days.values().get("cpu_avg")).containsExactly(11.5, 11.5);
        assertThat(archive.fetch(List.of("cpu_avg"), T0, T0 + 2 * 86400, DAY, Consolidation.MAX).values().get("cpu_avg"))
                .containsExactly(23.0, 23.0);
    }

    @Test
    void rowWithMoreThanHalfItsPointsMissingIsUnknown() {
        ObjectArchive archive = new ObjectArchive(ALL);
        // minute 1: only 6 of 12 points (exactly half: known); minute 2: 5 of 12 (unknown)
        for (int i = 1; i <= 6; i++) {
            archive.add(T0 + 5L * i, Map.of("cpu0", 1.0));
        }
        for (int i = 13; i <= 17; i++) {
            archive.add(T0 + 5L * i, Map.of("cpu0", 3.0));
        }
        archive.add(T0 + 5L * 25, Map.of("cpu0", 9.0));
        double[] minutes = archive.fetch(List.of("cpu0"), T0, T0 + 120, MINUTE, Consolidation.AVERAGE).values().get("cpu0");
        assertThat(minutes[0]).isEqualTo(1.0);
        assertThat(minutes[1]).isNaN();
    }

    @Test
    void gapInSamplingLeavesUnknownRowsNotStaleOnes() {
        ObjectArchive archive = new ObjectArchive(ALL);
        archive.add(T0 + 5, Map.of("cpu0", 0.5));
        archive.add(T0 + 20, Map.of("cpu0", 0.7));
        double[] v = archive.fetch(List.of("cpu0"), T0, T0 + 20, FIVE_S, Consolidation.AVERAGE).values().get("cpu0");
        assertThat(v).hasSize(4);
        assertThat(v[0]).isEqualTo(0.5);
        assertThat(v[1]).isNaN();
        assertThat(v[2]).isNaN();
        assertThat(v[3]).isEqualTo(0.7f);
    }

    @Test
    void retentionKeepsExactlyTheLevelsRowCount() {
        ObjectArchive archive = new ObjectArchive(ALL);
        int points = 200;
        for (int i = 1; i <= points; i++) {
            archive.add(T0 + 5L * i, Map.of("cpu0", (double) i));
        }
        Series s = archive.fetch(List.of("cpu0"), T0, T0 + 5L * points, FIVE_S, Consolidation.AVERAGE);
        assertThat(s.times()).hasSize(120);
        assertThat(s.times()[0]).isEqualTo(T0 + 5L * (points - 119));
        assertThat(s.values().get("cpu0")[0]).isEqualTo(81.0);
        assertThat(s.values().get("cpu0")[119]).isEqualTo(200.0);
    }

    @Test
    void retentionOfTheDayArchiveIsOneYearAndADay() {
        ArchiveLayout coarse = new ArchiveLayout(List.of(new ArchiveLevel(5, 1), new ArchiveLevel(86400, 366)), Set.of());
        ObjectArchive archive = new ObjectArchive(coarse);
        long days = 400;
        for (long d = 0; d < days; d++) {
            // the one 5-second point of each day decides nothing (xff): feed the whole day's points
            for (long t = T0 + d * 86400 + 5; t <= T0 + (d + 1) * 86400; t += 5) {
                archive.add(t, Map.of("x", (double) d));
            }
        }
        Series s = archive.fetch(List.of("x"), T0, T0 + days * 86400, coarse.level(86400), Consolidation.AVERAGE);
        assertThat(s.times()).hasSize(366);
        assertThat(s.values().get("x")[0]).isEqualTo(days - 366);
        assertThat(s.values().get("x")[365]).isEqualTo(days - 1);
    }

    @Test
    void repeatedOrOlderSampleIsIgnored() {
        ObjectArchive archive = new ObjectArchive(ALL);
        assertThat(archive.add(T0 + 5, Map.of("cpu0", 0.5))).isTrue();
        assertThat(archive.add(T0 + 7, Map.of("cpu0", 0.9))).isFalse();
        assertThat(archive.add(T0, Map.of("cpu0", 0.9))).isFalse();
        assertThat(archive.fetch(List.of("cpu0"), T0, T0 + 5, FIVE_S, Consolidation.AVERAGE).values().get("cpu0"))
                .containsExactly(0.5);
    }

    @Test
    void encodedImageDecodesToTheSameArchivesAndIsCompact() {
        ObjectArchive archive = new ObjectArchive(ALL);
        for (int i = 1; i <= 500; i++) {
            Map<String, Double> values = new HashMap<>();
            for (int c = 0; c < 10; c++) {
                values.put("ds" + c, (double) (i % 17) + c);
            }
            archive.add(T0 + 5L * i, values);
        }
        byte[] image = archive.encode();
        ObjectArchive copy = ObjectArchive.decode(ALL, image);
        for (ArchiveLevel level : ALL.levels()) {
            Series a = archive.fetch(List.of("ds3"), T0, T0 + 86400, level, Consolidation.MAX);
            Series b = copy.fetch(List.of("ds3"), T0, T0 + 86400, level, Consolidation.MAX);
            assertThat(b.times()).containsExactly(a.times());
            assertThat(b.values().get("ds3")).containsExactly(a.values().get("ds3"));
        }
        assertThat(copy.lastPoint()).isEqualTo(archive.lastPoint());
        // 10 sources x 774 rows x 3 functions as floats would be ~93 KB raw
        assertThat(image.length).isLessThan(40_000);
    }

    @Test
    void imageWrittenWithOtherFunctionsIsRefused() {
        ObjectArchive archive = new ObjectArchive(ALL);
        archive.add(T0 + 5, Map.of("cpu0", 1.0));
        ArchiveLayout averageOnly = ArchiveLayout.xcp(Set.of());
        assertThatThrownBy(() -> ObjectArchive.decode(averageOnly, archive.encode())).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void rangeLongerThanEveryLevelIsServedByTheCoarsest() {
        assertThat(ALL.levelFor(600).step()).isEqualTo(5);
        assertThat(ALL.levelFor(601).step()).isEqualTo(60);
        assertThat(ALL.levelFor(7 * 86400).step()).isEqualTo(3600);
        assertThat(ALL.levelFor(10 * 366 * 86400L).step()).isEqualTo(86400);
    }
}
