-- Indexes that cover the sales reports' statements, measured with a million orders over 24 months in one province
-- (infra/loadtest/report-benchmark; numbers in infra/loadtest/RESULTS.md).

-- Sales by product add up a province's product-month totals over a period: about 400,000 rows at that scale. Through
-- the place index alone each row costs a lookup of the clustered row; this index covers the statement (province,
-- period, product and the three sums) and makes it about four times faster.
ALTER TABLE report_product_months
    ADD KEY ix_report_product_months_sales (province_code, month, product_id, orders, units, goods_vnd);

-- Every sales request reads the period's seller-month totals (the total line, and the fingerprint that tells whether
-- a cached breakdown still holds); sales by commune, district, seller type and month and the payment mix group them.
-- Covering them all spares a clustered-row lookup per row.
ALTER TABLE report_seller_months
    ADD KEY ix_report_seller_months_sales (province_code, month, commune_code, legacy_district_code, seller_type,
                                           seller_id, payment_method, orders, units, goods_vnd, total_vnd);
