-- A gemeente's number of inhabitants (CBS, on 1 January of the reference year), to put kengetallen per 10,000
-- inhabitants beside each other. Both empty while unknown.
ALTER TABLE gemeente ADD COLUMN inhabitants INT NULL;
ALTER TABLE gemeente ADD COLUMN inhabitants_year INT NULL;
