CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_ref text NOT NULL,
    total_cents bigint NOT NULL DEFAULT 0
);
-- a rule of the database the generated writes happen to break: the write load's inserts fail before any change
CREATE FUNCTION refuse_load_inserts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('application_name') LIKE 'rehearsal-load%' THEN
        RAISE EXCEPTION 'orders are entered through the shop only' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER orders_from_the_shop BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION refuse_load_inserts();
