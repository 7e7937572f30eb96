package com.workline.persistence.quoting;

import com.workline.persistence.common.KeysetPage;

import java.util.List;

/** A page of the quote list; {@code next} is the last row when more may follow. */
public record QuotePage(List<QuoteRow> rows, QuoteRow next) implements KeysetPage<QuoteRow, QuoteRow> {
}
