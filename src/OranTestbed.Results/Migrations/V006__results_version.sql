-- Results store, version 6: a number that grows in every transaction that stores a result or registers a run (what a
-- matrix or a cell's history shows), so a server may keep a page part it built until the number moves.
CREATE TABLE results_version (
    id      BIGINT NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO results_version (id, version) VALUES (1, 0);
