-- One account per e-mail address, whatever its case. The build is concurrent (no blocked writers), but the data
-- holds duplicates: the build fails after its first phase and leaves an INVALID index behind, which every write
-- keeps maintaining and which blocks a retry under the same name.
CREATE UNIQUE INDEX CONCURRENTLY accounts_email_lower_key ON accounts (lower(email));
