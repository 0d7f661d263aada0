-- Results store, version 4: matrices answered where the data is (issue 16). One transaction (DbUp runs each script in
-- its own): a migration interrupted by kill -9 leaves version 3 as it was, and the next open runs this again.
--
-- 1. The products of an execution's pair on the execution row itself (the matrix and its drill-down filter by them; ''
--    when the role is absent), filled from execution_product for the results stored before.
ALTER TABLE execution ADD COLUMN o_du TEXT NOT NULL DEFAULT '';
ALTER TABLE execution ADD COLUMN o_ru TEXT NOT NULL DEFAULT '';
ALTER TABLE execution ADD COLUMN o_cu TEXT NOT NULL DEFAULT '';

UPDATE execution SET
    o_du = COALESCE((SELECT p.product_id FROM execution_product p
                     WHERE p.run_id = execution.run_id AND p.execution_id = execution.execution_id AND p.role = 'o-du'), ''),
    o_ru = COALESCE((SELECT p.product_id FROM execution_product p
                     WHERE p.run_id = execution.run_id AND p.execution_id = execution.execution_id AND p.role = 'o-ru'), ''),
    o_cu = COALESCE((SELECT p.product_id FROM execution_product p
                     WHERE p.run_id = execution.run_id AND p.execution_id = execution.execution_id AND p.role = 'o-cu'), '');

CREATE INDEX execution_by_pair ON execution (band, operator_profile, o_du, o_ru);
CREATE INDEX execution_product_by_vendor ON execution_product (vendor, run_id, execution_id);

-- 2. The latest result of each execution id: the one of the newest run (runs ordered by started_at, then run_id: the
--    order of ResultsStore.ListRunsAsync), aborted results never (an aborted execution did not finish). Kept by
--    ResultsStore in the transaction that records a result, so it never disagrees with the results themselves.
CREATE TABLE latest_result (
    execution_id     TEXT NOT NULL PRIMARY KEY,
    run_id           TEXT NOT NULL,
    run_started_at   TEXT NOT NULL,
    band             TEXT NOT NULL,
    operator_profile TEXT NOT NULL,
    o_du             TEXT NOT NULL,
    o_ru             TEXT NOT NULL,
    o_cu             TEXT NOT NULL,
    FOREIGN KEY (run_id, execution_id) REFERENCES execution (run_id, execution_id)
);
CREATE INDEX latest_result_by_setup ON latest_result (band, operator_profile, o_du, o_ru);
CREATE INDEX latest_result_by_run ON latest_result (run_id);

INSERT INTO latest_result (execution_id, run_id, run_started_at, band, operator_profile, o_du, o_ru, o_cu)
SELECT execution_id, run_id, started_at, band, operator_profile, o_du, o_ru, o_cu
FROM (
    SELECT e.execution_id, e.run_id, r.started_at, e.band, e.operator_profile, e.o_du, e.o_ru, e.o_cu,
           ROW_NUMBER() OVER (PARTITION BY e.execution_id ORDER BY r.started_at DESC, e.run_id DESC) AS newest
    FROM execution e JOIN run r ON r.run_id = e.run_id
    WHERE e.verdict <> 'ABORTED'
) ranked
WHERE newest = 1;
