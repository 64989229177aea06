-- The shop as it runs in production before the change: 5 000 accounts and 20 000 orders.
-- The rows matter: Rehearsal weighs what a table held before a migration, and a table without rows stays quiet.
-- CreateTable
CREATE TABLE "accounts" (
    "id"         BIGSERIAL NOT NULL,
    "email"      TEXT NOT NULL,
    "full_name"  TEXT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "orders" (
    "id"          BIGSERIAL NOT NULL,
    "account_id"  BIGINT NOT NULL,
    "state"       TEXT NOT NULL DEFAULT 'open',
    "total_cents" INTEGER NOT NULL,
    "currency"    CHAR(3),
    "note"        TEXT,
    "placed_at"   TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "orders_pkey" PRIMARY KEY ("id")
);

INSERT INTO "accounts" ("email", "full_name", "created_at")
SELECT 'customer' || g || '@example.com', 'Customer ' || g, now() - g * interval '1 hour'
FROM generate_series(1, 5000) AS g;

INSERT INTO "orders" ("account_id", "state", "total_cents", "currency", "note", "placed_at")
SELECT 1 + g % 5000, (ARRAY['open', 'paid', 'shipped', 'cancelled'])[1 + g % 4], 100 + g % 99900, 'EUR',
       CASE WHEN g % 10 = 0 THEN 'gift wrap' END, now() - g * interval '1 minute'
FROM generate_series(1, 20000) AS g;
