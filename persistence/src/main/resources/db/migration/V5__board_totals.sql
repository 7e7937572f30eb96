-- The board's column totals read only this index: open deals are one range (their close date is null),
-- deals closed in the last 90 days another. Measured at 333,000 deals (67,000 open): 500 ms with the
-- V3 index (stage before status: the closed range was scattered), under 100 ms with this one.
DROP INDEX app.deals_board_totals;
CREATE INDEX deals_board_totals ON app.deals (organization_id, pipeline_id, status, actual_close_date, stage_id)
  INCLUDE (value, probability) WHERE deleted_at IS NULL;
