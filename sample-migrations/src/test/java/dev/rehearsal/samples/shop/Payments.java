package dev.rehearsal.samples.shop;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** What the app versions' checks share: known orders of the playbook's data, and the checks' expectations. */
final class Payments {

    /** Paid before the playbook starts (db/playbook/V1 pays orders 1 to 15 000). */
    static final long PAID_ORDER = 1;
    /** Open, without payments, before the playbook starts. */
    static final long OPEN_ORDER = 20_000;

    private Payments() {
    }

    static long cents(BigDecimal amount) {
        return amount.movePointRight(2).longValueExact();
    }

    static long id(PreparedStatement insert) throws SQLException {
        try (ResultSet rs = insert.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A paid order reads as paid: a total of zero means the version reads a column that is not filled. */
    static void requirePaid(BigDecimal total) {
        if (total.signum() <= 0) {
            throw new AssertionError("order " + PAID_ORDER + " reads as unpaid (total " + total + "): the column this "
                    + "version reads is not filled for payments written before it");
        }
    }

    static void requireIncrease(BigDecimal before, BigDecimal after, BigDecimal amount) {
        if (after.subtract(before).compareTo(amount) != 0) {
            throw new AssertionError("paid total went from " + before + " to " + after + " after a payment of " + amount);
        }
    }
}
