package com.workline.persistence.documents;

import java.math.BigDecimal;
import java.util.Objects;

/** One row of a document's body: a section heading, a line of text, or a priced item. */
public sealed interface DocumentLine {

    /** Starts a section ("Hardware", "Installation"); the items below belong to it until the next heading. */
    record Section(String heading) implements DocumentLine {
        public Section {
            Objects.requireNonNull(heading, "heading");
        }
    }

    /** Free text between items (a remark, a description paragraph); wraps over the table's full width. */
    record Text(String text) implements DocumentLine {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A priced line. {@code net} is the line's amount after its discount as the calculation stored it (the
     * renderer never recomputes money). Optional lines are printed but not part of the totals. Unit, discount
     * and position may be null.
     */
    record Item(String position, String description, BigDecimal quantity, String unit, BigDecimal unitPrice,
                BigDecimal discountPercent, BigDecimal taxPercent, BigDecimal net, boolean optional)
            implements DocumentLine {
        public Item {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(unitPrice, "unitPrice");
            Objects.requireNonNull(taxPercent, "taxPercent");
            Objects.requireNonNull(net, "net");
        }
    }
}
