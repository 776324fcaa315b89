-- The simulator's status API names why a session was declined or failed, as its webhooks do.
ALTER TABLE psp_sim_session ADD COLUMN reason VARCHAR(255) NULL;
