-- A reservation's lines are its RESERVATION rows in the ledger (item, warehouse, quantity, reference = the
-- order id): reservation_line held the same four values a second time, one more insert under a hot item's
-- reservation (ReserveBenchmark). Every reservation has written both since V1, so the ledger already holds
-- every line; the index finds an order's lines.
CREATE INDEX stock_ledger_reference ON stock_ledger (reference, kind);
DROP TABLE reservation_line;
