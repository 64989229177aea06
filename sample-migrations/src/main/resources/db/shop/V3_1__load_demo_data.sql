-- Demo data standing in for what production holds: 10 000 accounts, 30 000 orders, 60 000 order items.
-- Rehearsal weighs what a table held before each migration; on empty tables the dangerous migrations below
-- (V4, V6, V8) would look harmless.
INSERT INTO accounts (email, full_name, country, created_at)
SELECT 'customer' || g || '@example.com', 'Customer ' || g, (ARRAY['DE', 'FR', 'NL', 'AT'])[1 + g % 4],
       now() - g * interval '1 hour'
FROM generate_series(1, 10000) AS g;

INSERT INTO orders (account_id, state, total_cents, note, placed_at)
SELECT 1 + g % 10000, (ARRAY['open', 'paid', 'shipped', 'cancelled'])[1 + g % 4]::order_state, 2 * (500 + g % 9500),
       CASE WHEN g % 10 = 0 THEN 'gift wrap' END, now() - g * interval '1 minute'
FROM generate_series(1, 30000) AS g;

INSERT INTO order_items (order_id, line_no, sku, quantity, price_cents)
SELECT o.id, l.line_no, 'SKU-' || (o.id % 997) || '-' || l.line_no, 1, o.total_cents / 2
FROM orders AS o CROSS JOIN generate_series(1, 2) AS l (line_no);
