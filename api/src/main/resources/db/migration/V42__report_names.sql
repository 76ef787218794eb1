-- Query side, reports read model: every recorded version of the names and rates a report shows (projects: name and
-- hourly rate; clients: name and default hourly rate; tasks: name), with the interval during which it was the
-- recorded one ([recorded_from, recorded_to), null while current), so a report at an instant (as_of) shows them as
-- they stood then. A version is recorded only when the name or rate changed. Usernames never change.
CREATE TABLE report_name_versions (
    kind          varchar(10)    NOT NULL,
    id            bigint         NOT NULL,
    version       bigint         NOT NULL,
    name          text           NOT NULL,
    hourly_rate   numeric(12, 2),
    recorded_from timestamptz    NOT NULL,
    recorded_to   timestamptz,
    PRIMARY KEY (kind, id, version)
);
