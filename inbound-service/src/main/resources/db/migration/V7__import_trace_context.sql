-- The W3C traceparent of the request that uploaded the import: the background processing (also
-- after a restart) goes on in that trace, and so do the supplier item events it publishes.
ALTER TABLE import_job ADD COLUMN traceparent VARCHAR(64) NULL;
