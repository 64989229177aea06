package migrations

import (
	"context"
	"database/sql"

	"github.com/pressly/goose/v3"
)

// A migration written in Go: goose runs it in its place in the order, Rehearsal cannot. It creates the table the
// next SQL migration indexes.
func init() {
	goose.AddMigrationContext(upArchiveClosedOrders, downArchiveClosedOrders)
}

func upArchiveClosedOrders(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `CREATE TABLE orders_archive (LIKE orders INCLUDING ALL)`); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `WITH moved AS (DELETE FROM orders WHERE state = 'closed' RETURNING *)
		INSERT INTO orders_archive SELECT * FROM moved`)
	return err
}

func downArchiveClosedOrders(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO orders SELECT * FROM orders_archive`); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DROP TABLE orders_archive`)
	return err
}
