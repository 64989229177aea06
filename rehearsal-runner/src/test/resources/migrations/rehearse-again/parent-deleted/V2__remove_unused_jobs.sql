-- Keeps only the job still in use: generated parameters refer to the jobs it deletes, production's would not.
DELETE FROM job WHERE name <> 'Post Interest';
