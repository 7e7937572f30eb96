package com.workline.persistence.admin;

import com.workline.persistence.numbering.DocumentKind;

/** The number format of each document kind, e.g. {@code INV-{yyyy}-{seq:5}}. */
public record NumberFormats(String quote, String invoice, String creditNote, String productionOrder,
                            String project, String customer) {

    public String of(DocumentKind kind) {
        return switch (kind) {
            case QUOTE -> quote;
            case INVOICE -> invoice;
            case CREDIT_NOTE -> creditNote;
            case PRODUCTION_ORDER -> productionOrder;
            case PROJECT -> project;
            case CUSTOMER -> customer;
        };
    }
}
