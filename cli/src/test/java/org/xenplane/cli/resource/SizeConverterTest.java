package org.xenplane.cli.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class SizeConverterTest {
    private final SizeConverter sizes = new SizeConverter();

    @Test
    void binaryUnitsAndPlainBytes() {
        assertThat(sizes.convert("1073741824")).isEqualTo(1L << 30);
        assertThat(sizes.convert("512M")).isEqualTo(512L << 20);
        assertThat(sizes.convert("1GiB")).isEqualTo(1L << 30);
        assertThat(sizes.convert("2t")).isEqualTo(2L << 40);
    }

    @Test
    void wordsAndOverflowsAreRefused() {
        assertThatThrownBy(() -> sizes.convert("big")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> sizes.convert("99999999999T")).isInstanceOf(TypeConversionException.class);
    }
}
