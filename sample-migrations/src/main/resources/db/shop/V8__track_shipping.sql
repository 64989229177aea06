-- Partial index for the open-orders queue, and the shipping time. The undo script forgets the index.
CREATE INDEX orders_state_idx ON orders (state) WHERE state = 'open';
ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
