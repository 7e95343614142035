-- Who is out with the mobiles the visit plan gave (not the staff directory's), for the office board.
ALTER TABLE safety_watch ADD COLUMN people VARCHAR(1000);
