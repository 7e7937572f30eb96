package com.workline.persistence.admin;

import java.math.BigDecimal;
import java.util.UUID;

/** Everything on the organization settings screen, with the version it was loaded at. */
public record OrganizationSettings(
        UUID id,
        String name,
        String legalName,
        String taxId,
        String baseCurrency,
        String timezone,
        String locale,
        PostalAddress address,
        String email,
        String phone,
        String website,
        byte[] logo,
        String logoContentType,
        NumberFormats numberFormats,
        int defaultPaymentTermsDays,
        TaxRoundingMode taxRoundingMode,
        BigDecimal defaultTaxRate,
        int quoteValidityDays,
        String invoiceFooter,
        int version) {
}
