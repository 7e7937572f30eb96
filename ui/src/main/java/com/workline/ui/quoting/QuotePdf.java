package com.workline.ui.quoting;

import com.workline.persistence.quoting.QuoteDetails;
import com.workline.persistence.quoting.Quoting;
import com.workline.persistence.session.TenantSession;
import com.workline.ui.common.Messages;

import java.util.UUID;

/**
 * A stored quote as PDF bytes, as the customer receives it: the organization's branding and letterhead, the customer's
 * billing address and the quote's contact, in the organization's language ({@code QuotePrintService}). Runs off the
 * FX thread.
 */
final class QuotePdf {
    private QuotePdf() {
    }

    static byte[] render(TenantSession session, UUID quoteId) {
        return Quoting.of(session).printing().pdf(quoteId, Messages.get("quotes.draftNumber"));
    }

    /** The file name the preview suggests: the number, or "Draft". */
    static String fileName(QuoteDetails quote) {
        return (quote.number() == null ? Messages.get("quotes.draftNumber") : quote.number()) + ".pdf";
    }
}
