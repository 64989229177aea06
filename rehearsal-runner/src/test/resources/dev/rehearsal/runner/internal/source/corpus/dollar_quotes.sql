CREATE FUNCTION add_one(i int) RETURNS int AS $$
BEGIN
  RETURN i + 1; -- a semicolon inside the body
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION tagged() RETURNS text AS $body$
  SELECT 'a;b' || $inner$;$inner$;
$body$ LANGUAGE sql;

SELECT $$;$$ AS dollar;
