package org.xenplane.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void columnsAreAsWideAsTheirWidestCellPlusTwoSpacesAndTheLastIsNotPadded() {
        Table table = new Table(List.of("NAME", "ID", "POWER"))
                .add(List.of("web-1", "3f1c", "running"))
                .add(List.of("db", "0b6e9a", "halted"));

        assertThat(table.render(0)).containsExactly(
                "NAME   ID      POWER",
                "web-1  3f1c    running",
                "db     0b6e9a  halted");
    }

    @Test
    void linesAreCutAtTheTerminalWidth() {
        Table table = new Table(List.of("NAME", "DESCRIPTION")).add(List.of("web-1", "a rather long description"));

        assertThat(table.render(12)).containsExactly("NAME   DESCR", "web-1  a rat");
    }

    @Test
    void aRowOfTheWrongSizeIsRefused() {
        assertThatThrownBy(() -> new Table(List.of("A", "B")).add(List.of("1")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
