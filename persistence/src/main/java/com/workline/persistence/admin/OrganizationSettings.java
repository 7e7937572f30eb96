package com.workline.persistence.admin;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Everything on the organization settings screen, with the version it was loaded at. The document part: logo (PNG or
 * JPEG bytes and type, or both null), {@code documentFooter} (every document's footer), {@code documentAccentColour}
 * ({@code #rgb}/{@code #rrggbb}), {@code quoteTerms} (the terms a new quote starts with), {@code quoteValidityDays} and
 * {@code quoteAcceptanceLimit} (base currency; above it only managers and above accept a quote; null: no limit).
 * {@link DocumentBranding} turns them into what the PDF renderer prints.
 */
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
        String documentFooter,
        String documentAccentColour,
        String quoteTerms,
        BigDecimal quoteAcceptanceLimit,
        int version) {
}
