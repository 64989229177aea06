package dev.rehearsal.samples.shop;

import dev.rehearsal.runner.plan.AppVersion;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Release 1 of the shop's payment code: amounts are {@code numeric(12,2)} in {@code payments.amount}. */
public final class AppV1 {

    private final Connection connection;

    public AppV1(Connection connection) {
        this.connection = connection;
    }

    /** Records a captured payment and returns its id. */
    public long capturePayment(long orderId, BigDecimal amount, String provider) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO payments (order_id, amount, provider) VALUES (?, ?, ?) RETURNING id")) {
            insert.setLong(1, orderId);
            insert.setBigDecimal(2, amount);
            insert.setString(3, provider);
            return Payments.id(insert);
        }
    }

    /** What the customer has paid for an order so far. */
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

    /** This release as a rollout plan sees it: what it does with the database, each step checked. */
    public static AppVersion version() {
        return AppVersion.named("v1")
                .check("read the paid total of a paid order", c -> Payments.requirePaid(new AppV1(c).paidTotal(Payments.PAID_ORDER)))
                .check("capture a payment and read it back", c -> {
                    AppV1 app = new AppV1(c);
                    BigDecimal before = app.paidTotal(Payments.OPEN_ORDER);
                    app.capturePayment(Payments.OPEN_ORDER, new BigDecimal("19.99"), "card");
                    Payments.requireIncrease(before, app.paidTotal(Payments.OPEN_ORDER), new BigDecimal("19.99"));
                });
    }
}
