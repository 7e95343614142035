-- Where a visit happens (issue 10 item 10; William Lilley "home or place of work", Burgh 3 "alternative
-- agreed venue"): the plan's venue kind (one of the profile's visit.venues), its name, and the address
-- every later step uses. Null until the visit is planned.
ALTER TABLE visit ADD COLUMN venue_kind VARCHAR(40);
ALTER TABLE visit ADD COLUMN venue_name VARCHAR(200);
ALTER TABLE visit ADD COLUMN venue_address VARCHAR(500);
