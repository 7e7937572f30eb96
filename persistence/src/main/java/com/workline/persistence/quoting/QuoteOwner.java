package com.workline.persistence.quoting;

import java.util.UUID;

/** A person the quote list can be filtered by. */
public record QuoteOwner(UUID id, String name) {
}
