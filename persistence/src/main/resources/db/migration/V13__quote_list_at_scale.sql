-- The quote list at 200,000 quotes in one organization (docs/performance.md, "Quoting").
--
-- Tab totals counted and summed every quote joined to its customer (parallel plans are ruled out under RLS): 185 ms
-- on opening the list. They need no customer without a search, and a covering index lets the count and the sum be
-- read index-only.
CREATE INDEX quotes_tab_totals ON app.quotes (organization_id, status) INCLUDE (total, exchange_rate);

-- The list's order is newest first with the id as tie-breaker, both descending: the index now runs that way, so a
-- page is a range of it (no incremental sort) and the keyset condition is an index condition.
CREATE INDEX quotes_by_status_newest ON app.quotes (organization_id, status, created_at DESC, id DESC);
DROP INDEX app.quotes_by_status;

-- A search walked the tab newest first and tested every quote and its customer's name: a number that occurs once
-- cost 150 ms (the whole tab), the tab totals of a search 200 ms (every quote with its customer). The search now runs
-- in the two definer functions below, because LIKE is not leakproof (under RLS no index could serve it): each reads
-- the selector once (sec.current_tenant() verifies the membership) and sees only that organization's quotes, which
-- every member may read. Each statement is planned for the actual pattern (EXECUTE ... USING, never a generic plan):
-- a rare pattern (a number) is found through the trigram indexes; a common one ("gmbh", a year) walks the tab newest
-- first and stops after the page. The customers whose name contains the pattern are looked up first, and passed as an
-- array constant, which the quote scan tests with a hash.
CREATE INDEX quotes_search ON app.quotes USING gin (search_text public.gin_trgm_ops);

-- A page of a status tab (newest first, after the keyset when given) of the quotes whose number or title, or whose
-- customer's name, contains p_pattern (a LIKE pattern in lower case, escaped by the caller); the caller joins the ids
-- to app.quotes under RLS.
CREATE FUNCTION sec.quote_search_page(p_status text, p_pattern text, p_after_created timestamptz, p_after_id uuid,
                                      p_limit integer)
RETURNS TABLE (id uuid)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_org uuid := sec.current_tenant();
  v_customers uuid[];
BEGIN
  IF v_org IS NULL OR p_limit < 1 THEN
    RETURN;
  END IF;
  EXECUTE 'SELECT coalesce(array_agg(c.id), ''{}'') FROM app.customers c
            WHERE c.organization_id = $1 AND c.search_text LIKE $2 AND c.sort_name LIKE $2'
     INTO v_customers USING v_org, p_pattern;
  RETURN QUERY EXECUTE
    'SELECT q.id FROM app.quotes q
      WHERE q.organization_id = $1 AND q.status = $2 AND (q.search_text LIKE $3 OR q.customer_id = ANY ($4))
        AND ($5::timestamptz IS NULL OR (q.created_at, q.id) < ($5, $6))
      ORDER BY q.created_at DESC, q.id DESC LIMIT $7'
    USING v_org, p_status, p_pattern, v_customers, p_after_created, p_after_id, p_limit;
END
$$;

-- Count and sum (base currency) per status of the same quotes, for the tabs.
CREATE FUNCTION sec.quote_search_totals(p_pattern text)
RETURNS TABLE (status text, quote_count bigint, total_amount numeric)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_org uuid := sec.current_tenant();
  v_customers uuid[];
BEGIN
  IF v_org IS NULL THEN
    RETURN;
  END IF;
  EXECUTE 'SELECT coalesce(array_agg(c.id), ''{}'') FROM app.customers c
            WHERE c.organization_id = $1 AND c.search_text LIKE $2 AND c.sort_name LIKE $2'
     INTO v_customers USING v_org, p_pattern;
  RETURN QUERY EXECUTE
    'SELECT q.status, count(*), coalesce(sum(q.total * coalesce(q.exchange_rate, 1)), 0) FROM app.quotes q
      WHERE q.organization_id = $1 AND (q.search_text LIKE $2 OR q.customer_id = ANY ($3))
      GROUP BY q.status'
    USING v_org, p_pattern, v_customers;
END
$$;

REVOKE ALL ON FUNCTION sec.quote_search_page(text, text, timestamptz, uuid, integer), sec.quote_search_totals(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sec.quote_search_page(text, text, timestamptz, uuid, integer), sec.quote_search_totals(text)
  TO "${person_role}";
