-- reports.sh: :entries completed time entries as the events the command side records (TimeEntryCreated, and for
-- every fifth a TimeEntryUpdated a day later: ten minutes shorter, notes edited, billable flipped), copied from the
-- template entry :template (created and deleted through the API). Entry i is user i mod |users|'s, in the
-- (i div |users|)-th hour from :first_start, 30..54 minutes long, on one of :projects (with its client of
-- :project_clients); it is recorded 0..47 hours after it ends (never later than an hour ago), so reports as of past
-- instants differ.
CREATE TEMP TABLE entry_template AS
SELECT e.type, e.meta_data, convert_from(e.payload, 'UTF8')::jsonb AS payload
FROM domain_event_entry e
WHERE e.payload_type = 'io.timetracker.events.timeentry.TimeEntryCreated' AND e.aggregate_identifier = 'time-entry-' || :template;

CREATE TEMP TABLE generated AS
SELECT nextval('time_entry_id_seq') AS id, i,
       (:'users'::bigint[])[1 + i % cardinality(:'users'::bigint[])] AS user_id,
       1 + i / 3 % cardinality(:'projects'::bigint[]) AS p,
       :'first_start'::timestamptz + (i / cardinality(:'users'::bigint[])) * interval '1 hour' AS start_time,
       30 + i % 25 AS minutes
FROM generate_series(0, :entries - 1) i ORDER BY i;

CREATE TEMP TABLE generated_entries AS
SELECT g.id, g.i, g.start_time + g.minutes * interval '1 minute' AS end_time,
       least(g.start_time + g.minutes * interval '1 minute' + (g.i::bigint * 7919 % 48) * interval '1 hour',
             now() - interval '1 hour') AS recorded_at,
       jsonb_build_object('userId', g.user_id, 'projectId', (:'projects'::bigint[])[g.p],
           'clientId', (:'project_clients'::bigint[])[g.p],
           'startTime', to_char(g.start_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
           'endTime', to_char((g.start_time + g.minutes * interval '1 minute') AT TIME ZONE 'UTC',
                              'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
           'breakSeconds', 0, 'durationSeconds', g.minutes * 60,
           'notes', (ARRAY['Code review', 'Client call', 'Planning', 'Bug fixing', 'Documentation', 'Deployment',
                           'Design', 'Testing'])[1 + g.i % 8] || ' #' || g.i,
           'tags', (ARRAY['dev', 'review,dev', 'meeting', 'ops,urgent', 'support'])[1 + g.i % 5],
           'billable', g.i % 4 <> 0) AS entry
FROM generated g;

INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload,
                                payload_type, time_stamp)
SELECT 'time-entry-' || e.id, 0, t.type, gen_random_uuid()::text, t.meta_data,
       convert_to((t.payload || jsonb_build_object('entryId', e.id, 'entry', (t.payload -> 'entry') || e.entry))::text,
                  'UTF8'),
       'io.timetracker.events.timeentry.TimeEntryCreated',
       to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
FROM generated_entries e, entry_template t ORDER BY e.i;

INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload,
                                payload_type, time_stamp)
SELECT 'time-entry-' || e.id, 1, t.type, gen_random_uuid()::text, t.meta_data,
       convert_to(jsonb_build_object('entryId', e.id, 'entry', (t.payload -> 'entry') || e.entry || jsonb_build_object(
           'endTime', to_char((e.end_time - interval '10 minutes') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
           'durationSeconds', (e.entry ->> 'durationSeconds')::int - 600,
           'notes', (e.entry ->> 'notes') || ' (edited)', 'billable', NOT (e.entry ->> 'billable')::boolean))::text,
           'UTF8'),
       'io.timetracker.events.timeentry.TimeEntryUpdated',
       to_char(least(e.recorded_at + interval '1 day', now() - interval '1 minute') AT TIME ZONE 'UTC',
               'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
FROM generated_entries e, entry_template t WHERE e.i % 5 = 0 ORDER BY e.i;
