package com.workline.persistence.admin;

import com.workline.persistence.money.TaxRounding;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaxRoundingModeTest {
    @Test
    void theOrganizationsSettingChoosesTheCalculatorsRounding() {
        assertThat(TaxRoundingMode.PER_LINE.taxRounding()).isEqualTo(TaxRounding.PER_LINE);
        assertThat(TaxRoundingMode.PER_DOCUMENT.taxRounding()).isEqualTo(TaxRounding.PER_DOCUMENT);
        assertThat(TaxRoundingMode.values()).extracting(TaxRoundingMode::taxRounding)
                .containsExactly(TaxRounding.values());
    }
}
