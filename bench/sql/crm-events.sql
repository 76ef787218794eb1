-- reports.sh: :crm leads, deals and contacts (a third each) as the events the command side records for them, copied
-- from the template records :lead, :deal and :contact (created and deleted through the API) with generated names,
-- owned by :users, of :clients, recorded over the last year. Names combine common first and last names and company
-- words, so the search text is realistic: many shared words, few exact matches.
CREATE TEMP TABLE names AS SELECT
  '{Sofia,Liam,Emma,Noah,Olivia,Lucas,Mia,Elias,Ava,Leon,Ida,Oskar,Nora,Hugo,Clara,Felix,Ella,Jonas,Alma,Theo,Maja,Anton,Lina,Emil,Vera,Karl,Ines,Milan,Rosa,Tomas,Greta,Pablo,Yara,Omar,Lea,Ivan,Zoe,Kenji,Amara,Nils}'::text[] AS first,
  '{Novak,Okafor,Lindqvist,Moreau,Tanaka,Ferreira,Halvorsen,Kowalski,Schneider,Rossi,Dubois,Nakamura,Andersen,Silva,Fischer,Costa,Jensen,Weber,Horvat,Kovacs,Bianchi,Larsen,Meyer,Santos,Petrov,Nowak,Berg,Ricci,Wagner,Lopez,Keller,Marino,Popescu,Varga,Hansen,Ortiz,Conti,Ivanova,Sato,Brennan}'::text[] AS last,
  '{Brightwater,Nordlicht,Quill,Ironbark,Bluefin,Copperleaf,Silverline,Redwood,Northwind,Stonebridge,Greenfield,Harbor,Sunpeak,Clearview,Oakmont,Riverside,Starlight,Westgate,Highland,Maplecrest,Goldcrest,Blackrock,Seabright,Lakeshore,Windmill,Fairhaven,Brookside,Pinecone,Crescent,Evergreen}'::text[] AS company,
  '{Ltd,GmbH,Inc,Group,Partners,Labs}'::text[] AS suffix,
  '{analytics,migration,support,licence,consulting,training,hosting,integration,audit,design,mobile,security}'::text[] AS product,
  '{renewal,upsell,pilot,rollout,extension,tender,framework,expansion}'::text[] AS kind;

CREATE TEMP TABLE crm_template AS
SELECT e.payload_type, e.type, e.payload_revision, e.meta_data, convert_from(e.payload, 'UTF8')::jsonb AS payload,
       regexp_replace(e.aggregate_identifier, '[0-9]+$', '') AS prefix
FROM domain_event_entry e
WHERE e.sequence_number = 0 AND (
      (e.payload_type = 'io.timetracker.events.lead.LeadCreated' AND e.aggregate_identifier LIKE '%-' || :lead)
   OR (e.payload_type = 'io.timetracker.events.deal.DealCreated' AND e.aggregate_identifier LIKE '%-' || :deal)
   OR (e.payload_type = 'io.timetracker.events.contact.ContactCreated'
       AND e.aggregate_identifier LIKE '%-' || :contact));

CREATE TEMP TABLE records AS
SELECT i, kind, CASE kind WHEN 'lead' THEN nextval('lead_id_seq') WHEN 'deal' THEN nextval('deal_id_seq')
                          ELSE nextval('contact_id_seq') END AS id
FROM (SELECT i, (ARRAY['lead', 'deal', 'contact'])[1 + i % 3] AS kind FROM generate_series(0, :crm - 1) i) r
ORDER BY i;

INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload,
                                payload_revision, payload_type, time_stamp)
SELECT t.prefix || r.id, 0, t.type, gen_random_uuid()::text, t.meta_data, convert_to(p.payload::text, 'UTF8'),
       t.payload_revision, t.payload_type,
       to_char((now() - interval '365 days' + r.i * interval '365 days' / :crm) AT TIME ZONE 'UTC',
               'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
FROM records r JOIN crm_template t ON t.payload_type LIKE '%.' || initcap(r.kind) || 'Created'
CROSS JOIN names n CROSS JOIN LATERAL (SELECT
    n.first[1 + r.i / 3 % 40] AS first_name, n.last[1 + r.i / 120 % 40] AS last_name,
    n.company[1 + r.i * 7 % 30] || ' ' || n.suffix[1 + r.i % 6] AS company_name,
    n.company[1 + r.i * 7 % 30] || ' ' || n.product[1 + r.i / 3 % 12] || ' ' || n.kind[1 + r.i / 36 % 8] AS deal_name,
    (:'users'::bigint[])[1 + r.i / 3 % cardinality(:'users'::bigint[])] AS owner,
    (:'clients'::bigint[])[1 + r.i / 3 % cardinality(:'clients'::bigint[])] AS client) g
CROSS JOIN LATERAL (SELECT CASE r.kind
    WHEN 'lead' THEN jsonb_set(t.payload, '{details}', (t.payload -> 'details') || jsonb_build_object(
            'firstName', g.first_name, 'lastName', g.last_name, 'companyName', g.company_name,
            'email', lower(g.first_name || '.' || g.last_name) || r.i || '@example.test',
            'status', (ARRAY['new', 'contacted', 'qualified', 'lost', 'new'])[1 + r.i % 5], 'ownerId', g.owner))
        || jsonb_build_object('leadId', r.id, 'createdBy', g.owner)
    WHEN 'deal' THEN jsonb_set(t.payload, '{details}', (t.payload -> 'details') || jsonb_build_object(
            'name', g.deal_name, 'description', 'For ' || g.company_name, 'clientId', g.client,
            'stage', (ARRAY['prospecting', 'qualification', 'proposal', 'negotiation'])[1 + r.i % 4],
            'value', 1000 + r.i % 50 * 500, 'ownerId', g.owner))
        || jsonb_build_object('dealId', r.id, 'createdBy', g.owner)
    ELSE jsonb_set(t.payload, '{details}', (t.payload -> 'details') || jsonb_build_object(
            'firstName', g.first_name, 'lastName', g.last_name,
            'email', lower(g.first_name || '.' || g.last_name) || r.i || '@example.test',
            'title', (ARRAY['CEO', 'CTO', 'Buyer', 'Office manager', 'Engineer'])[1 + r.i % 5],
            'notes', 'Met at ' || g.company_name))
        || jsonb_build_object('contactId', r.id, 'clientId', g.client)
    END AS payload) p
ORDER BY r.i;
