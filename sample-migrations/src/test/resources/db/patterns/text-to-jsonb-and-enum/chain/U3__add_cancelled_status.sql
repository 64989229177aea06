-- PostgreSQL cannot drop an enum label: recreate the type without it (no column uses it yet).
DROP TYPE order_status;
CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');
