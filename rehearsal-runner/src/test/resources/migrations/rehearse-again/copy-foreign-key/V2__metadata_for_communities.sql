-- A data migration in the shape of DSpace's V5.0_2014.09.26: metadata of communities joins the items' table, whose
-- foreign key an earlier step of production dropped. Rehearsal's generated communities have ids no item has (23503):
-- the rejected values came from the rows the copy read, not from the metadata rows already there.
INSERT INTO metadata (resource_id, kind, body) SELECT id, 4, intro FROM communities WHERE intro IS NOT NULL;
