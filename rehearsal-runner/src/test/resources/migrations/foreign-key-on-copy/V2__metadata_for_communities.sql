-- The chain's own community has no item of its id: the copy breaks metadata's foreign key, as production's would.
INSERT INTO metadata (resource_id, kind, body) SELECT id, 4, intro FROM communities WHERE intro IS NOT NULL;
