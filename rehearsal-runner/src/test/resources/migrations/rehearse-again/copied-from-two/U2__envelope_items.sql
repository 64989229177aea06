DROP TABLE envelope_item;
