-- Search for a word inside names, fast at a million customers (docs/performance.md, "Speed of every service call").
--
-- "tools" matches 88,000 of 1,000,000 generated customers and no name starts with it; the first page cost
-- 0.45-0.63 s because every row of the name index was checked against the customer's contacts too (38,000
-- contact look-ups before the first match). The ranked search now has three phases, each in name order:
--   0  the name starts with the term (unchanged: a range of the name index);
--   1  the customer's own text contains it (a word inside the name, number, e-mail, phone);
--   2  only a contact's name or e-mail contains it.
-- A phase is only searched when the page is not full yet. Phases 1 and 2 are planned for the actual term
-- (EXECUTE ... USING, never a generic plan): for a common term the planner walks the covering index below in
-- name order and stops after the page (index-only, no heap, no contacts); for a rare one it takes the trigram
-- index and sorts the few matches.

CREATE INDEX customers_by_name_searchable ON app.customers (organization_id, sort_name, id) INCLUDE (search_text)
  WHERE deleted_at IS NULL;

-- Same signature as V4 (the cursor's phase is now 0, 1 or 2). SECURITY DEFINER as before: it reads the selector
-- once (sec.current_tenant() checks session_user's membership) and only ever returns that organization's ids; the
-- caller joins them to app.customers under RLS.
CREATE OR REPLACE FUNCTION sec.customer_search_ranked(p_term text, p_pattern text, p_after_phase integer,
                                                      p_after_name text, p_after_id uuid, p_limit integer)
RETURNS TABLE (id uuid, phase integer)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_org uuid := sec.current_tenant();
  v_found integer := 0;
  v_rows integer;
  v_phase integer := coalesce(p_after_phase, 0);
BEGIN
  IF v_org IS NULL OR p_limit < 1 THEN
    RETURN;
  END IF;
  IF v_phase = 0 THEN
    RETURN QUERY
      SELECT c.id, 0 FROM app.customers c
       WHERE c.organization_id = v_org AND c.deleted_at IS NULL AND starts_with(c.sort_name, p_term)
         AND (p_after_phase IS NULL OR (c.sort_name, c.id) > (p_after_name, p_after_id))
       ORDER BY c.sort_name, c.id LIMIT p_limit;
    GET DIAGNOSTICS v_found = ROW_COUNT;
    IF v_found >= p_limit THEN
      RETURN;
    END IF;
    p_after_name := NULL;
    p_after_id := NULL;
    v_phase := 1;
  END IF;
  IF v_phase = 1 THEN
    RETURN QUERY EXECUTE
      'SELECT c.id, 1 FROM app.customers c
        WHERE c.organization_id = $1 AND c.deleted_at IS NULL AND NOT starts_with(c.sort_name, $2)
          AND c.search_text LIKE $3
          AND ($4::text IS NULL OR (c.sort_name, c.id) > ($4, $5))
        ORDER BY c.sort_name, c.id LIMIT $6'
      USING v_org, p_term, p_pattern, p_after_name, p_after_id, p_limit - v_found;
    GET DIAGNOSTICS v_rows = ROW_COUNT;
    v_found := v_found + v_rows;
    IF v_found >= p_limit THEN
      RETURN;
    END IF;
    p_after_name := NULL;
    p_after_id := NULL;
  END IF;
  RETURN QUERY EXECUTE
    'SELECT c.id, 2 FROM app.customers c
      WHERE c.organization_id = $1 AND c.deleted_at IS NULL AND NOT starts_with(c.sort_name, $2)
        AND c.search_text NOT LIKE $3
        AND EXISTS (SELECT 1 FROM app.contacts t WHERE t.organization_id = $1 AND t.customer_id = c.id
                                                 AND t.search_text LIKE $3)
        AND ($4::text IS NULL OR (c.sort_name, c.id) > ($4, $5))
      ORDER BY c.sort_name, c.id LIMIT $6'
    USING v_org, p_term, p_pattern, p_after_name, p_after_id, p_limit - v_found;
END
$$;
