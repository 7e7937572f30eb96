-- Accepting a quote marks its deal won (V10) but left the deal in its stage, so the pipeline board showed a won deal
-- under "Lead". Now the deal also moves to its pipeline's won stage (the first by position), with that stage's
-- probability unless the probability was set by hand, exactly as moving the card there does (DealService.moveToStage).
CREATE OR REPLACE FUNCTION app.accept_quote(p_quote_id uuid, p_expected_version integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  q app.quotes := app.quote_for_action(p_quote_id, p_expected_version);
  v_limit numeric;
  v_zone text;
BEGIN
  SELECT o.quote_acceptance_limit, o.timezone INTO v_limit, v_zone FROM app.organizations o WHERE o.id = q.organization_id;
  IF q.status <> 'sent' OR q.valid_until < (now() AT TIME ZONE v_zone)::date THEN
    PERFORM app.refuse_transition();
  END IF;
  IF v_limit IS NOT NULL AND q.total * coalesce(q.exchange_rate, 1) > v_limit
     AND NOT sec.has_role_in(q.organization_id, 'owner', 'admin', 'manager') THEN
    RAISE EXCEPTION 'Only managers, administrators and owners can accept quotes above the organization''s limit.'
      USING ERRCODE = 'WL002';
  END IF;
  UPDATE app.quotes SET status = 'accepted', accepted_at = now(), version = version + 1
   WHERE organization_id = q.organization_id AND id = q.id;
  PERFORM app.record_quote_event(q, 'accepted', 'accepted', NULL, NULL);
  IF q.deal_id IS NOT NULL THEN
    UPDATE app.deals d
       SET status = 'won',
           actual_close_date = coalesce(d.actual_close_date, (now() AT TIME ZONE v_zone)::date),
           stage_id = coalesce(won.id, d.stage_id),
           probability = CASE WHEN d.probability_overridden OR won.id IS NULL THEN d.probability ELSE won.probability END,
           version = d.version + 1
      FROM (SELECT NULL::uuid AS id, NULL::numeric AS probability) none
      LEFT JOIN LATERAL (
            SELECT s.id, s.probability FROM app.pipeline_stages s
              JOIN app.deals x ON x.organization_id = s.organization_id AND x.pipeline_id = s.pipeline_id
             WHERE x.organization_id = q.organization_id AND x.id = q.deal_id
               AND s.is_won AND s.deleted_at IS NULL
             ORDER BY s.position LIMIT 1) won ON true
     WHERE d.organization_id = q.organization_id AND d.id = q.deal_id AND d.status = 'open';
  END IF;
END
$$;
