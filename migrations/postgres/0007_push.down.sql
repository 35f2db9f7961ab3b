DROP TABLE inventory_ledger;
DROP TABLE inventory_pending;
DROP TABLE push_items;
DROP TABLE pushes;
DROP TABLE listings;
