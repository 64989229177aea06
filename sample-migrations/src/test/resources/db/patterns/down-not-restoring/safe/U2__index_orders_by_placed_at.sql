-- No IF EXISTS: a wrong name fails the rehearsal instead of passing silently.
DROP INDEX CONCURRENTLY orders_placed_at_idx;
