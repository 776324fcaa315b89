-- Archival (archival/Archival) picks terminal orders by how long ago they last changed, oldest first: an
-- index on (status, updated_at) answers that without scanning the live orders.
CREATE INDEX orders_terminal ON orders (status, updated_at);

-- ShedLock's table (scheduling/SchedulingLocks): one row per named job; whoever moves lock_until into the
-- future with a conditional UPDATE runs the job, every other instance skips it until then.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    locked_by  VARCHAR(255) NOT NULL
) ENGINE = InnoDB;
