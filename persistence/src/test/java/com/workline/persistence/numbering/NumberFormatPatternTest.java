package com.workline.persistence.numbering;

import com.workline.persistence.common.Text;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NumberFormatPatternTest {
    @Test
    void formatsTokens() {
        assertThat(NumberFormatPattern.format("INV-{yyyy}-{seq:5}", 2026, 42)).isEqualTo("INV-2026-00042");
        assertThat(NumberFormatPattern.format("{yy}/{seq}", 2026, 7)).isEqualTo("26/7");
        assertThat(NumberFormatPattern.format("A{seq:2}", 2026, 123)).isEqualTo("A123");
        assertThat(NumberFormatPattern.format("$-{seq:3}\\", 2026, 1)).isEqualTo("$-001\\");
    }

    @Test
    void validates() {
        assertThat(NumberFormatPattern.problem("INV-{yyyy}-{seq:5}")).isEmpty();
        assertThat(NumberFormatPattern.problem("INV-{yyyy}").map(Text::english)).get().asString().contains("{seq}");
        assertThat(NumberFormatPattern.problem("INV-{month}-{seq}").map(Text::english)).get().asString().contains("Unknown placeholder");
        assertThat(NumberFormatPattern.problem("")).isPresent();
        assertThat(NumberFormatPattern.problem("X".repeat(41) + "{seq}")).isPresent();
        assertThat(NumberFormatPattern.usesYear("C-{seq:6}")).isFalse();
        assertThat(NumberFormatPattern.usesYear("Q{yy}{seq}")).isTrue();
    }
}
