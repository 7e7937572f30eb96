-- The deals list walks one of these in its sort order (largest first, newest first), filtering as it goes.
CREATE INDEX deals_by_value ON app.deals (organization_id, value DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX deals_by_created ON app.deals (organization_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
