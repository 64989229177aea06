DROP TABLE envelope; DROP TABLE envelope_item;
