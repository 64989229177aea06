package dev.rehearsal.samples.shop;

import dev.rehearsal.runner.plan.AppVersion;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Release 3: reads and writes {@code amount_cents} only. Deployed on Day 3, once every payment has amount_cents
 * (the backfill) and the database fills {@code amount} for the v2 instances still running.
 */
public final class AppV3 {

    private final Connection connection;

    public AppV3(Connection connection) {
        this.connection = connection;
    }

    public long capturePayment(long orderId, long amountCents, String provider) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO payments (order_id, amount_cents, provider) VALUES (?, ?, ?) RETURNING id")) {
            insert.setLong(1, orderId);
            insert.setLong(2, amountCents);
            insert.setString(3, provider);
            return Payments.id(insert);
        }
    }

    public long paidTotalCents(long orderId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT coalesce(sum(amount_cents), 0) FROM payments WHERE order_id = ?")) {
            query.setLong(1, orderId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public static AppVersion version() {
        return AppVersion.named("v3")
                .check("read the paid total of a paid order", c -> Payments.requirePaid(
                        BigDecimal.valueOf(new AppV3(c).paidTotalCents(Payments.PAID_ORDER), 2)))
                .check("capture a payment and read it back", c -> {
                    AppV3 app = new AppV3(c);
                    long before = app.paidTotalCents(Payments.OPEN_ORDER);
                    app.capturePayment(Payments.OPEN_ORDER, 1999, "card");
                    Payments.requireIncrease(BigDecimal.valueOf(before, 2),
                            BigDecimal.valueOf(app.paidTotalCents(Payments.OPEN_ORDER), 2), new BigDecimal("19.99"));
                });
    }
}
