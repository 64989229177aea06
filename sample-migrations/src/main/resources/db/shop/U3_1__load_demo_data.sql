TRUNCATE order_items, orders, accounts RESTART IDENTITY;
