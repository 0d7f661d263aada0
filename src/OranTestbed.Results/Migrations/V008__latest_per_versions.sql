-- Results store, version 8: the latest result of each execution per set of versions tested (O-DU and O-RU software),
-- what the operator readiness view judges ("ready with xd-100 5.3.1, not with 5.4.0" needs the 5.3.1 results after a
-- 5.4.0 run). Kept like latest_result, in the transaction that records a result; built here from the stored results.
CREATE TABLE latest_version_result (
    execution_id     TEXT NOT NULL,
    o_du_software    TEXT NOT NULL,
    o_ru_software    TEXT NOT NULL,
    run_id           TEXT NOT NULL,
    run_started_at   TEXT NOT NULL,
    band             TEXT NOT NULL,
    operator_profile TEXT NOT NULL,
    PRIMARY KEY (execution_id, o_du_software, o_ru_software),
    FOREIGN KEY (run_id, execution_id) REFERENCES execution (run_id, execution_id)
);
CREATE INDEX latest_version_result_by_setup ON latest_version_result (operator_profile, band);

INSERT INTO latest_version_result (execution_id, o_du_software, o_ru_software, run_id, run_started_at, band, operator_profile)
SELECT execution_id, du, ru, run_id, started_at, band, operator_profile
FROM (
    SELECT e.execution_id, COALESCE(pd.software, '') AS du, COALESCE(pr.software, '') AS ru, e.run_id, r.started_at, e.band,
           e.operator_profile,
           ROW_NUMBER() OVER (PARTITION BY e.execution_id, COALESCE(pd.software, ''), COALESCE(pr.software, '')
                              ORDER BY r.started_at DESC, e.run_id DESC) AS newest
    FROM execution e JOIN run r ON r.run_id = e.run_id
    LEFT JOIN execution_product pd ON pd.run_id = e.run_id AND pd.execution_id = e.execution_id AND pd.role = 'o-du'
    LEFT JOIN execution_product pr ON pr.run_id = e.run_id AND pr.execution_id = e.execution_id AND pr.role = 'o-ru'
    WHERE e.verdict <> 'ABORTED'
) ranked
WHERE newest = 1;
