package com.workline.persistence.crm;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A stage of a pipeline as administration edits it. {@code id} is null for a stage not yet saved;
 * {@code probability} is what a deal entering the stage gets unless its probability was overridden.
 */
public record PipelineStage(UUID id, String name, BigDecimal probability, boolean won, boolean lost, int version) {
}
