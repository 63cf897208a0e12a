package org.xenplane.cli.output;

import java.util.ArrayList;
import java.util.List;

/**
 * An aligned text table: columns separated by two spaces, each as wide as its widest cell, the
 * last column not padded; lines cut at {@code maxWidth} (the terminal's width, 0 for no limit).
 */
public final class Table {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(List<String> headers) {
        this.headers = List.copyOf(headers);
    }

    public Table add(List<String> row) {
        if (row.size() != headers.size()) {
            throw new IllegalArgumentException("a row of " + row.size() + " cells in a table of " + headers.size() + " columns");
        }
        rows.add(List.copyOf(row));
        return this;
    }

    public List<String> render(int maxWidth) {
        int[] widths = new int[headers.size()];
        measure(headers, widths);
        rows.forEach(row -> measure(row, widths));
        List<String> lines = new ArrayList<>();
        lines.add(line(headers, widths, maxWidth));
        rows.forEach(row -> lines.add(line(row, widths, maxWidth)));
        return lines;
    }

    private static void measure(List<String> row, int[] widths) {
        for (int i = 0; i < row.size(); i++) {
            widths[i] = Math.max(widths[i], row.get(i).length());
        }
    }

    private static String line(List<String> row, int[] widths, int maxWidth) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
            boolean last = i == row.size() - 1;
            line.append(last ? row.get(i) : pad(row.get(i), widths[i] + 2));
        }
        String text = line.toString();
        return maxWidth > 0 && text.length() > maxWidth ? text.substring(0, maxWidth) : text;
    }

    private static String pad(String cell, int width) {
        return cell + " ".repeat(width - cell.length());
    }
}
