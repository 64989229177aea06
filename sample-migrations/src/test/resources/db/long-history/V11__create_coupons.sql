CREATE TABLE coupons (
    code       text PRIMARY KEY,
    percent    smallint NOT NULL CHECK (percent BETWEEN 1 AND 90),
    expires_at date
);
