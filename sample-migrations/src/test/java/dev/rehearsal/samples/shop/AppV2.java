package dev.rehearsal.samples.shop;

import dev.rehearsal.runner.plan.AppVersion;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Release 2: writes both {@code amount} and the new {@code amount_cents} (dual write), still reads {@code amount}.
 * It runs next to v1 after Day 1 and needs the column V2 adds.
 */
public final class AppV2 {

    private final Connection connection;

    public AppV2(Connection connection) {
        this.connection = connection;
    }

    public long capturePayment(long orderId, BigDecimal amount, String provider) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO payments (order_id, amount, amount_cents, provider) VALUES (?, ?, ?, ?) RETURNING id")) {
            insert.setLong(1, orderId);
            insert.setBigDecimal(2, amount);
            insert.setLong(3, Payments.cents(amount));
            insert.setString(4, provider);
            return Payments.id(insert);
        }
    }

    public BigDecimal paidTotal(long orderId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT coalesce(sum(amount), 0) FROM payments WHERE order_id = ?")) {
            query.setLong(1, orderId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }

    public static AppVersion version() {
        return AppVersion.named("v2")
                .check("read the paid total of a paid order", c -> Payments.requirePaid(new AppV2(c).paidTotal(Payments.PAID_ORDER)))
                .check("capture a payment and read it back", c -> {
                    AppV2 app = new AppV2(c);
                    BigDecimal before = app.paidTotal(Payments.OPEN_ORDER);
                    app.capturePayment(Payments.OPEN_ORDER, new BigDecimal("19.99"), "card");
                    Payments.requireIncrease(before, app.paidTotal(Payments.OPEN_ORDER), new BigDecimal("19.99"));
                });
    }
}
