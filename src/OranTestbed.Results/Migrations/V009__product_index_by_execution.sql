-- Results store, version 9: the product index also names the execution, as the vendor index does (V004). A filter by
-- product (EXISTS … fp.product_id = ? AND fp.run_id = e.run_id AND fp.execution_id = e.execution_id) is then one seek
-- per execution; on the product id alone SQLite walked every result of the product for each execution it checked (a
-- version comparison of an O-DU at a million results: over 16 minutes).
DROP INDEX execution_product_by_product;
CREATE INDEX execution_product_by_product ON execution_product (product_id, run_id, execution_id);
