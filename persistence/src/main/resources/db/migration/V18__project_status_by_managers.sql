-- A project's status, dates and default billability are decided by managers and above or the project's own manager,
-- like its budget and billing terms (V15 left them to every employee: one could complete or cancel a project, which
-- stops everybody's bookings, or make its time non-billable by default). Employees still rename a project, describe
-- it, and plan its tasks and members. (V16 is not used.)
CREATE OR REPLACE FUNCTION app.project_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF current_user = '${owner_role}' OR NOT sec.has_role_in(NEW.organization_id, 'owner', 'admin', 'manager', 'employee') THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.quote_id IS NOT NULL THEN
      RAISE EXCEPTION 'A project is linked to its quote only when it is created from it.' USING ERRCODE = 'WL002';
    END IF;
    NEW.created_by := sec.current_user_id();
    RETURN NEW;
  END IF;
  IF NEW.quote_id IS DISTINCT FROM OLD.quote_id OR NEW.created_by IS DISTINCT FROM OLD.created_by THEN
    RAISE EXCEPTION 'A project is linked to its quote only when it is created from it.' USING ERRCODE = 'WL002';
  END IF;
  IF (NEW.budget_minutes IS DISTINCT FROM OLD.budget_minutes OR NEW.budget_amount IS DISTINCT FROM OLD.budget_amount
      OR NEW.billing_type IS DISTINCT FROM OLD.billing_type OR NEW.refuse_over_budget IS DISTINCT FROM OLD.refuse_over_budget
      OR NEW.time_rounding_unit IS DISTINCT FROM OLD.time_rounding_unit
      OR NEW.time_rounding_direction IS DISTINCT FROM OLD.time_rounding_direction
      OR NEW.manager_id IS DISTINCT FROM OLD.manager_id OR NEW.customer_id IS DISTINCT FROM OLD.customer_id
      OR NEW.status IS DISTINCT FROM OLD.status OR NEW.start_date IS DISTINCT FROM OLD.start_date
      OR NEW.end_date IS DISTINCT FROM OLD.end_date OR NEW.default_billable IS DISTINCT FROM OLD.default_billable)
     AND NOT sec.has_role_in(NEW.organization_id, 'owner', 'admin', 'manager')
     AND OLD.manager_id IS DISTINCT FROM sec.current_user_id() THEN
    RAISE EXCEPTION 'Only managers and the project''s manager change its status, dates, budget, billing and customer.'
      USING ERRCODE = 'WL002';
  END IF;
  RETURN NEW;
END
$$;
