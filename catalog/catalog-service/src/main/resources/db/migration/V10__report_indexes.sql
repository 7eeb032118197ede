-- Sales by product read a province's product-month totals over a period. At a million orders over 24 months (about
-- 400,000 product-month rows in one province) the place index alone costs a clustered-row lookup per row; this index
-- covers the statement (province, period, product and the three sums), about four times faster. See
-- infra/loadtest/RESULTS.md (reports benchmark).
ALTER TABLE report_product_months
    ADD KEY ix_report_product_months_sales (province_code, month, product_id, orders, units, goods_vnd);
