-- Search as you type at scale (measured with 1,000,000 customers: sorting every match of a common term took
-- 1.6 s). Runs as the owner role; checks the tenant itself through sec.current_tenant().
-- One page of search results in name order, fast whether the term is rare or common: up to 5,000 matches
-- (found with the trigram indexes) are sorted; a term matching more walks the name index and keeps the
-- matching rows, which are then frequent enough to fill a page quickly.
CREATE FUNCTION sec.customer_search_page(p_pattern text, p_after_name text, p_after_id uuid, p_limit integer)
RETURNS TABLE (id uuid)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_org uuid := sec.current_tenant();
  v_candidates uuid[];
BEGIN
  IF v_org IS NULL THEN
    RETURN;
  END IF;
  SELECT array_agg(x.id) INTO v_candidates FROM (
    SELECT s.id FROM app.customers s WHERE s.organization_id = v_org AND s.search_text LIKE p_pattern
    UNION ALL
    SELECT t.customer_id FROM app.contacts t WHERE t.organization_id = v_org AND t.search_text LIKE p_pattern
    LIMIT 5001) x;
  IF coalesce(cardinality(v_candidates), 0) <= 5000 THEN
    RETURN QUERY
      SELECT c.id FROM app.customers c
       WHERE c.organization_id = v_org AND c.id = ANY (v_candidates) AND c.deleted_at IS NULL
         AND (p_after_name IS NULL OR (c.sort_name, c.id) > (p_after_name, p_after_id))
       ORDER BY c.sort_name, c.id LIMIT p_limit;
  ELSE
    RETURN QUERY
      SELECT c.id FROM app.customers c
       WHERE c.organization_id = v_org AND c.deleted_at IS NULL
         AND (p_after_name IS NULL OR (c.sort_name, c.id) > (p_after_name, p_after_id))
         AND (c.search_text LIKE p_pattern
              OR EXISTS (SELECT 1 FROM app.contacts t WHERE t.organization_id = v_org AND t.customer_id = c.id
                                                        AND t.search_text LIKE p_pattern))
       ORDER BY c.sort_name, c.id LIMIT p_limit;
  END IF;
END
$$;
GRANT EXECUTE ON FUNCTION sec.customer_search_page(text, text, uuid, integer) TO "${person_role}";

-- The board shows open deals and those closed in the last 90 days; its totals read only this index.
CREATE INDEX deals_board_totals ON app.deals (organization_id, pipeline_id, stage_id, status, actual_close_date)
  INCLUDE (value, probability) WHERE deleted_at IS NULL;
