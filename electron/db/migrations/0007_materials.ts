export default /* sql */ `
INSERT INTO accounts (code, name, kind, relief_category) VALUES ('5201', '物资采购支出', 'expense', NULL);

CREATE TABLE items (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  spec TEXT NOT NULL DEFAULT '',
  unit TEXT NOT NULL,
  category TEXT NOT NULL,
  shelf_life_days INTEGER,
  low_stock INTEGER NOT NULL DEFAULT 0,
  UNIQUE (name, spec)
);

-- Where goods are: the centre's store, or kept by the donor (谁捐助谁代管) and still on the books.
CREATE TABLE locations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('store', 'donor')),
  donor_id INTEGER REFERENCES donors(id),
  address TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT ''
);
INSERT INTO locations (name, kind) VALUES ('中心仓库', 'store');

CREATE TABLE material_documents (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('donation', 'purchase', 'issue', 'transfer', 'write_off', 'stocktake')),
  number TEXT UNIQUE,
  date TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('done', 'pending', 'rejected')),
  donor_id INTEGER REFERENCES donors(id),
  location_id INTEGER NOT NULL REFERENCES locations(id),
  to_location_id INTEGER REFERENCES locations(id),
  application_id INTEGER REFERENCES relief_applications(id),
  entry_id INTEGER REFERENCES journal_entries(id),
  receipt_id INTEGER REFERENCES receipts(id),
  note TEXT NOT NULL DEFAULT '',
  decision_comment TEXT,
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  decided_by INTEGER REFERENCES users(id),
  decided_at TEXT
);

-- What a pending write-off or stocktake would change once the director approves it.
CREATE TABLE material_pending_lines (
  document_id INTEGER NOT NULL REFERENCES material_documents(id),
  item_id INTEGER NOT NULL REFERENCES items(id),
  book_qty INTEGER NOT NULL,
  delta INTEGER NOT NULL
);

-- Signed quantities and estimated values per lot (item, location, expiry); never updated or deleted.
CREATE TABLE stock_movements (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES material_documents(id),
  date TEXT NOT NULL,
  month TEXT NOT NULL,
  kind TEXT NOT NULL,
  item_id INTEGER NOT NULL REFERENCES items(id),
  location_id INTEGER NOT NULL REFERENCES locations(id),
  expiry_date TEXT,
  quantity INTEGER NOT NULL CHECK (quantity <> 0),
  value_fen INTEGER NOT NULL
);
CREATE INDEX stock_movements_lot ON stock_movements (item_id, location_id, expiry_date);
CREATE INDEX stock_movements_month ON stock_movements (month, item_id, location_id);
CREATE INDEX stock_movements_document ON stock_movements (document_id);
CREATE TRIGGER stock_movements_no_update BEFORE UPDATE ON stock_movements BEGIN SELECT RAISE(ABORT, 'stock movements are immutable'); END;
CREATE TRIGGER stock_movements_no_delete BEFORE DELETE ON stock_movements BEGIN SELECT RAISE(ABORT, 'stock movements are immutable'); END;
`;
