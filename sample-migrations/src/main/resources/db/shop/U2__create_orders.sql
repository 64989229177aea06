DROP TABLE orders;
DROP TYPE order_state;
