-- Parts of saved traces kept as rows so the web UI and API page them in the database instead of
-- loading a whole result (docs/tracing.md, "Entities"): summary, graph data, entities, endpoints,
-- entity members and heuristics, each as JSON in report order. Annotations are analysts' notes on
-- graph nodes, saved with the trace.
CREATE TABLE case_trace_items (
    trace_id   TEXT NOT NULL REFERENCES case_traces (id),
    kind       TEXT NOT NULL,               -- summary | graph | entity | endpoint | member | heuristic
    ordinal    BIGINT NOT NULL,             -- order in the report
    entity_id  TEXT NULL,
    body       TEXT NOT NULL,               -- JSON
    PRIMARY KEY (trace_id, kind, ordinal)
);
CREATE INDEX case_trace_items_entity ON case_trace_items (trace_id, kind, entity_id, ordinal);

CREATE TABLE case_trace_annotations (
    trace_id   TEXT NOT NULL REFERENCES case_traces (id),
    node_id    TEXT NOT NULL,
    text       TEXT NOT NULL,
    author     TEXT NOT NULL,
    agency     TEXT NOT NULL,
    written_at TEXT NOT NULL,
    PRIMARY KEY (trace_id, node_id)
);
