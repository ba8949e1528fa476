import Foundation

/// The PostgreSQL schema's history, numbered like the SQLite one. A migration that has shipped is
/// never edited: add a new one instead. Every text column uses the "C" collation, so sorting is
/// by bytes exactly as SQLite sorts, whatever locale the server was created with; times are the
/// same fixed-width UTC text SQLite keeps, so they read back exactly as they were hashed.
enum PostgresMigrations {
    static let all: [(identifier: String, sql: String)] = [
        (
            "v1-sitrep",
            """
            CREATE TABLE incident (
              id bigserial PRIMARY KEY,
              key text COLLATE "C" NOT NULL UNIQUE,
              title text COLLATE "C" NOT NULL,
              severity text COLLATE "C" NOT NULL,
              status text COLLATE "C" NOT NULL,
              summary text COLLATE "C" NOT NULL DEFAULT '',
              impact text COLLATE "C" NOT NULL DEFAULT '',
              root_cause text COLLATE "C" NOT NULL DEFAULT '',
              resolution text COLLATE "C" NOT NULL DEFAULT '',
              is_drill boolean NOT NULL DEFAULT false,
              created_by text COLLATE "C" NOT NULL,
              detected_at text COLLATE "C" NOT NULL,
              declared_at text COLLATE "C" NOT NULL,
              acknowledged_at text COLLATE "C",
              mitigated_at text COLLATE "C",
              resolved_at text COLLATE "C",
              closed_at text COLLATE "C",
              last_entry_at text COLLATE "C" NOT NULL,
              timeline_count bigint NOT NULL DEFAULT 0,
              timeline_head text COLLATE "C" NOT NULL
            );
            CREATE INDEX incident_on_status ON incident (status, severity, declared_at);
            CREATE TABLE incident_service (
              incident_id bigint NOT NULL REFERENCES incident ON DELETE CASCADE,
              service text COLLATE "C" NOT NULL,
              PRIMARY KEY (incident_id, service)
            );
            CREATE INDEX incident_service_on_service ON incident_service (service);
            CREATE TABLE incident_tag (
              incident_id bigint NOT NULL REFERENCES incident ON DELETE CASCADE,
              tag text COLLATE "C" NOT NULL,
              PRIMARY KEY (incident_id, tag)
            );
            CREATE TABLE timeline_entry (
              id bigserial PRIMARY KEY,
              incident_id bigint NOT NULL REFERENCES incident ON DELETE RESTRICT,
              sequence bigint NOT NULL,
              kind text COLLATE "C" NOT NULL,
              author text COLLATE "C" NOT NULL,
              event_at text COLLATE "C" NOT NULL,
              recorded_at text COLLATE "C" NOT NULL,
              text text COLLATE "C" NOT NULL,
              details text COLLATE "C" NOT NULL DEFAULT '{}',
              previous_hash text COLLATE "C" NOT NULL,
              hash text COLLATE "C" NOT NULL,
              UNIQUE (incident_id, sequence)
            );
            CREATE TABLE role_assignment (
              id bigserial PRIMARY KEY,
              incident_id bigint NOT NULL REFERENCES incident ON DELETE CASCADE,
              role text COLLATE "C" NOT NULL,
              person text COLLATE "C" NOT NULL,
              assigned_at text COLLATE "C" NOT NULL,
              ended_at text COLLATE "C"
            );
            CREATE INDEX role_assignment_on_incident_current ON role_assignment (incident_id, ended_at);
            CREATE TABLE action_item (
              id bigserial PRIMARY KEY,
              incident_id bigint NOT NULL REFERENCES incident ON DELETE CASCADE,
              title text COLLATE "C" NOT NULL,
              owner text COLLATE "C",
              due_date text COLLATE "C",
              priority text COLLATE "C" NOT NULL,
              type text COLLATE "C" NOT NULL,
              status text COLLATE "C" NOT NULL,
              created_by text COLLATE "C" NOT NULL,
              created_at text COLLATE "C" NOT NULL,
              completed_by text COLLATE "C",
              completed_at text COLLATE "C"
            );
            CREATE TABLE handoff (
              id bigserial PRIMARY KEY,
              from_person text COLLATE "C" NOT NULL,
              to_person text COLLATE "C" NOT NULL,
              created_at text COLLATE "C" NOT NULL,
              notes text COLLATE "C" NOT NULL DEFAULT '',
              report text COLLATE "C" NOT NULL,
              report_format text COLLATE "C" NOT NULL DEFAULT 'json',
              transfers_command boolean NOT NULL DEFAULT false,
              acknowledged_at text COLLATE "C",
              acknowledged_by text COLLATE "C"
            );
            CREATE TABLE runbook_run (
              id bigserial PRIMARY KEY,
              incident_id bigint NOT NULL REFERENCES incident ON DELETE RESTRICT,
              runbook_path text COLLATE "C" NOT NULL,
              runbook_title text COLLATE "C" NOT NULL,
              content_hash text COLLATE "C" NOT NULL,
              started_by text COLLATE "C" NOT NULL,
              started_at text COLLATE "C" NOT NULL,
              variables text COLLATE "C" NOT NULL DEFAULT '{}',
              state text COLLATE "C" NOT NULL,
              ended_at text COLLATE "C",
              step_count bigint NOT NULL
            );
            CREATE INDEX runbook_run_on_incident_state ON runbook_run (incident_id, state);
            CREATE TABLE step_run (
              id bigserial PRIMARY KEY,
              runbook_run_id bigint NOT NULL REFERENCES runbook_run ON DELETE CASCADE,
              step_id text COLLATE "C" NOT NULL,
              step_number bigint NOT NULL,
              title text COLLATE "C" NOT NULL,
              command text COLLATE "C" NOT NULL,
              working_directory text COLLATE "C",
              risk text COLLATE "C" NOT NULL,
              outcome text COLLATE "C" NOT NULL,
              confirmed_by text COLLATE "C",
              confirmed_at text COLLATE "C",
              started_at text COLLATE "C",
              ended_at text COLLATE "C",
              duration_milliseconds bigint,
              exit_status bigint,
              signal bigint,
              output_head bytea,
              output_tail bytea,
              output_bytes bigint NOT NULL DEFAULT 0,
              output_sha256 text COLLATE "C",
              note text COLLATE "C",
              continued_by text COLLATE "C",
              process_group bigint,
              process_start_time bigint
            );
            CREATE INDEX step_run_on_run ON step_run (runbook_run_id, step_number);
            CREATE TABLE health_sample (
              id bigserial PRIMARY KEY,
              check_name text COLLATE "C" NOT NULL,
              sampled_at text COLLATE "C" NOT NULL,
              is_up boolean NOT NULL,
              latency_milliseconds double precision,
              condition_results text COLLATE "C" NOT NULL DEFAULT '[]',
              error text COLLATE "C"
            );
            CREATE INDEX health_sample_on_check ON health_sample (check_name, sampled_at);
            CREATE TABLE health_transition (
              id bigserial PRIMARY KEY,
              check_name text COLLATE "C" NOT NULL,
              service text COLLATE "C",
              from_state text COLLATE "C" NOT NULL,
              to_state text COLLATE "C" NOT NULL,
              changed_at text COLLATE "C" NOT NULL,
              evidence text COLLATE "C" NOT NULL DEFAULT ''
            );
            CREATE INDEX health_transition_on_check ON health_transition (check_name, id);
            """
        ),
        (
            "v2-alerts",
            """
            CREATE TABLE alert_group (
              id bigserial PRIMARY KEY,
              group_key text COLLATE "C" NOT NULL,
              source text COLLATE "C" NOT NULL,
              incident_id bigint NOT NULL REFERENCES incident ON DELETE CASCADE,
              opened_at text COLLATE "C" NOT NULL
            );
            CREATE INDEX alert_group_on_key ON alert_group (group_key, id);
            CREATE TABLE alert_state (
              incident_id bigint NOT NULL REFERENCES incident ON DELETE CASCADE,
              fingerprint text COLLATE "C" NOT NULL,
              state text COLLATE "C" NOT NULL,
              PRIMARY KEY (incident_id, fingerprint)
            );
            """
        ),
    ]
}
