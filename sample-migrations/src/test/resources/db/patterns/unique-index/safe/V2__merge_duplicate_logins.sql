-- Data first, in a migration of its own: the later registration of each duplicated address gets a marked address
-- that support can merge by hand; no two accounts share a lower-case address afterwards.
UPDATE accounts AS a
   SET email = 'duplicate+' || a.id || '+' || a.email
 WHERE EXISTS (SELECT 1 FROM accounts AS b WHERE lower(b.email) = lower(a.email) AND b.id < a.id);
