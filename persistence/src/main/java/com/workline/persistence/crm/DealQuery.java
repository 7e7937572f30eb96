package com.workline.persistence.crm;

import java.util.UUID;

/**
 * What the deals list shows: the same kinds of filters as the customer list (search, status, owner, tag,
 * custom field) plus pipeline and stage. Immutable; {@code with…} methods return changed copies.
 *
 * @param status "open", "won", "lost" or null for all
 */
public record DealQuery(String search, String status, UUID pipelineId, UUID stageId, UUID ownerId, String tag,
                        String customFieldKey, String customFieldValue, Sort sort) {

    /** Keyset orders: the largest deals first, by title, or the newest first. */
    public enum Sort { VALUE, TITLE, NEWEST }

    public static DealQuery all() {
        return new DealQuery(null, null, null, null, null, null, null, null, Sort.VALUE);
    }

    public DealQuery withSearch(String text) {
        return new DealQuery(text, status, pipelineId, stageId, ownerId, tag, customFieldKey, customFieldValue, sort);
    }

    public DealQuery withStatus(String chosen) {
        return new DealQuery(search, chosen, pipelineId, stageId, ownerId, tag, customFieldKey, customFieldValue, sort);
    }

    public DealQuery inPipeline(UUID pipeline, UUID stage) {
        return new DealQuery(search, status, pipeline, stage, ownerId, tag, customFieldKey, customFieldValue, sort);
    }

    public DealQuery withOwner(UUID owner) {
        return new DealQuery(search, status, pipelineId, stageId, owner, tag, customFieldKey, customFieldValue, sort);
    }

    public DealQuery withTag(String chosen) {
        return new DealQuery(search, status, pipelineId, stageId, ownerId, chosen, customFieldKey, customFieldValue, sort);
    }

    public DealQuery withCustomField(String key, String value) {
        return new DealQuery(search, status, pipelineId, stageId, ownerId, tag, key, value, sort);
    }

    public DealQuery sortedBy(Sort order) {
        return new DealQuery(search, status, pipelineId, stageId, ownerId, tag, customFieldKey, customFieldValue, order);
    }
}
