-- The board shows the overdue step by its title from the school's catalogue (safety.actions), which a
-- school may write at any length; the action ids the column held were the four built-in ones.
ALTER TABLE safety_watch ALTER COLUMN overdue_step SET DATA TYPE VARCHAR(200);
