-- Search as you type, ranked: customers whose name starts with the term come first (straight from the
-- name index, so the first page of a common term costs what a list page costs), then every other match
-- (number, e-mail, phone, a word inside the name, contact names) in name order. Measured at 1,000,000
-- customers: "har" took 1.5 s when every match had to be ranked by name; see docs/performance.md.
--
-- p_term is the lower-case term as typed (for the prefix), p_pattern the escaped '%term%' (for the rest).
-- The page continues after (p_after_phase, p_after_name, p_after_id); phase 0 = name prefix, 1 = others.
CREATE FUNCTION sec.customer_search_ranked(p_term text, p_pattern text, p_after_phase integer, p_after_name text,
                                           p_after_id uuid, p_limit integer)
RETURNS TABLE (id uuid, phase integer)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_org uuid := sec.current_tenant();
  v_found integer := 0;
  v_candidates uuid[];
BEGIN
  IF v_org IS NULL OR p_limit < 1 THEN
    RETURN;
  END IF;
  IF p_after_phase IS NULL OR p_after_phase = 0 THEN
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
  END IF;
  -- The other matches. Up to 5,000 candidates (found with the trigram indexes) are sorted; a term matching
  -- more walks the name index and keeps the matching rows.
  SELECT array_agg(x.id) INTO v_candidates FROM (
    SELECT s.id FROM app.customers s WHERE s.organization_id = v_org AND s.search_text LIKE p_pattern
    UNION ALL
    SELECT t.customer_id FROM app.contacts t WHERE t.organization_id = v_org AND t.search_text LIKE p_pattern
    LIMIT 5001) x;
  IF coalesce(cardinality(v_candidates), 0) <= 5000 THEN
    RETURN QUERY
      SELECT c.id, 1 FROM app.customers c
       WHERE c.organization_id = v_org AND c.id = ANY (v_candidates) AND c.deleted_at IS NULL
         AND NOT starts_with(c.sort_name, p_term)
         AND (p_after_name IS NULL OR (c.sort_name, c.id) > (p_after_name, p_after_id))
       ORDER BY c.sort_name, c.id LIMIT p_limit - v_found;
  ELSE
    RETURN QUERY
      SELECT c.id, 1 FROM app.customers c
       WHERE c.organization_id = v_org AND c.deleted_at IS NULL AND NOT starts_with(c.sort_name, p_term)
         AND (p_after_name IS NULL OR (c.sort_name, c.id) > (p_after_name, p_after_id))
         AND (c.search_text LIKE p_pattern
              OR EXISTS (SELECT 1 FROM app.contacts t WHERE t.organization_id = v_org AND t.customer_id = c.id
                                                        AND t.search_text LIKE p_pattern))
       ORDER BY c.sort_name, c.id LIMIT p_limit - v_found;
  END IF;
END
$$;
GRANT EXECUTE ON FUNCTION sec.customer_search_ranked(text, text, integer, text, uuid, integer) TO "${person_role}";

-- Replaced by the ranked search above.
DROP FUNCTION sec.customer_search_page(text, text, uuid, integer);
