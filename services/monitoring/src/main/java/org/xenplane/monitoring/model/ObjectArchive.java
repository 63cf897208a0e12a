package org.xenplane.monitoring.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * Every archive of one object (a host or a VM): per data source, one {@link Ring} per level. Data
 * sources appear when first sampled (a VM that gains a vCPU gains {@code cpu2}). Not thread-safe:
 * callers synchronise on it.
 */
public final class ObjectArchive {
    private static final int FORMAT = 1;

    private final ArchiveLayout layout;
    private final Map<String, Ring[]> sources = new LinkedHashMap<>();
    private long lastPoint = Long.MIN_VALUE;

    public ObjectArchive(ArchiveLayout layout) {
        this.layout = layout;
    }

    public ArchiveLayout layout() {
        return layout;
    }

    /**
     * Adds one sample taken at {@code epochSecond}: it becomes the 5-second point of the step it falls
     * in. A point for a step already added (a repeat, or out of order) is ignored: returns false.
     */
    public boolean add(long epochSecond, Map<String, Double> values) {
        long time = Math.floorDiv(epochSecond, ArchiveLayout.BASE_STEP) * ArchiveLayout.BASE_STEP;
        if (time <= lastPoint) {
            return false;
        }
        for (Map.Entry<String, Double> e : values.entrySet()) {
            Ring[] rings = sources.computeIfAbsent(e.getKey(), k -> newRings());
            double v = e.getValue() == null ? Double.NaN : e.getValue();
            for (Ring ring : rings) {
                ring.add(time, v);
            }
        }
        lastPoint = time;
        return true;
    }

    private Ring[] newRings() {
        Consolidation[] functions = layout.orderedFunctions();
        return layout.levels().stream().map(l -> new Ring(l, functions)).toArray(Ring[]::new);
    }

    public Set<String> dataSources() {
        return Collections.unmodifiableSet(sources.keySet());
    }

    /** The time of the newest point, in epoch seconds, or {@link Long#MIN_VALUE} before the first. */
    public long lastPoint() {
        return lastPoint;
    }

    /**
     * The rows of {@code level} ending in {@code (start, end]} for each data source; NaN where unknown.
     * Row times are the ends of their intervals.
     */
    public Series fetch(List<String> dataSources, long start, long end, ArchiveLevel level, Consolidation cf) {
        int step = level.step();
        long first = Math.floorDiv(start, step) * step + step;
        long last = Math.floorDiv(end, step) * step;
        int levelIndex = layout.levels().indexOf(level);
        long held = Long.MIN_VALUE;
        long newest = Long.MIN_VALUE;
        for (String ds : dataSources) {
            Ring ring = sources.get(ds)[levelIndex];
            if (!Ring.isNone(ring.lastEnd())) {
                held = held == Long.MIN_VALUE ? ring.firstEnd() : Math.min(held, ring.firstEnd());
                newest = Math.max(newest, ring.lastEnd());
            }
        }
        List<Long> times = new ArrayList<>();
        if (newest != Long.MIN_VALUE) {
            for (long t = Math.max(first, held); t <= Math.min(last, newest); t += step) {
                times.add(t);
            }
        }
        Map<String, double[]> values = new LinkedHashMap<>();
        for (String ds : dataSources) {
            Ring ring = sources.get(ds)[levelIndex];
            double[] column = new double[times.size()];
            for (int i = 0; i < column.length; i++) {
                column[i] = ring.value(cf, times.get(i));
            }
            values.put(ds, column);
        }
        return new Series(step, cf, times.stream().mapToLong(Long::longValue).toArray(), values);
    }

    /** The compact byte image kept in the database (deflated: unfilled rings are runs of NaN). */
    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(new DeflaterOutputStream(bytes), 65536))) {
            out.writeInt(FORMAT);
            out.writeUTF(fingerprint(layout));
            out.writeLong(lastPoint);
            out.writeInt(sources.size());
            for (Map.Entry<String, Ring[]> e : sources.entrySet()) {
                out.writeUTF(e.getKey());
                for (Ring ring : e.getValue()) {
                    ring.write(out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String fingerprint(ArchiveLayout layout) {
        StringBuilder s = new StringBuilder();
        layout.levels().forEach(l -> s.append(l.step()).append('x').append(l.rows()).append(' '));
        for (Consolidation cf : layout.orderedFunctions()) {
            s.append(cf).append(' ');
        }
        return s.toString();
    }

    /**
     * Reads an image written by {@link #encode()}.
     *
     * @throws UncheckedIOException when it is unreadable or was written with another layout
     */
    public static ObjectArchive decode(ArchiveLayout layout, byte[] image) {
        ObjectArchive archive = new ObjectArchive(layout);
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(new InflaterInputStream(new ByteArrayInputStream(image)), 65536))) {
            if (in.readInt() != FORMAT) {
                throw new IOException("unknown archive format");
            }
            if (!in.readUTF().equals(fingerprint(layout))) {
                throw new IOException("written with other levels or consolidation functions");
            }
            archive.lastPoint = in.readLong();
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                Ring[] rings = archive.newRings();
                archive.sources.put(in.readUTF(), rings);
                for (Ring ring : rings) {
                    ring.read(in);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable metrics archive", e);
        }
        return archive;
    }
}
