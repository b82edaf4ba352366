/**
 * Migration 1: the initial schema — `ingest_files`, `reports`, `amounts`, `transactions`,
 * `dead_letters` — with the indexes users filter by and the uniqueness that makes
 * re-ingesting a file a no-op.
 *
 * Techniques: plain SQL in a versioned TypeScript module (so it travels with the code
 * into bundles); NUMERIC with explicit precision and scale for every amount; unqualified
 * table names so the schema can be chosen by `search_path`.
 *
 * @module
 */

/** Version number of this migration. */
export const version = 1;

/** Short name of this migration. */
export const name = "initial_schema";

/** The SQL, run in one transaction. */
export const sql = `
create table ingest_files (
  id bigint generated always as identity primary key,
  path text not null,
  kind text not null check (kind in ('ep747', 'clearing')),
  size_bytes bigint not null,
  sha256 text not null unique check (sha256 ~ '^[0-9a-f]{64}$'),
  status text not null check (status in ('running', 'completed', 'completed_with_errors', 'failed')),
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  pages integer not null default 0,
  records integer not null default 0,
  stored integer not null default 0,
  unparsed integer not null default 0,
  dead_lettered integer not null default 0
);

create table reports (
  id bigint generated always as identity primary key,
  file_id bigint not null references ingest_files (id) on delete cascade,
  position integer not null,
  line_start integer not null,
  line_end integer not null,
  report_id text not null,
  parsed boolean not null,
  strategy text not null,
  reporting_for text,
  reporting_for_id text,
  page integer,
  proc_date date,
  rollup_to text,
  rollup_to_id text,
  report_date date,
  funds_xfer_entity text,
  funds_xfer_entity_id text,
  settlement_currency char(3),
  clearing_currency text,
  summary jsonb not null default '[]',
  no_data boolean not null default false,
  ended boolean not null default false,
  warnings jsonb not null default '[]',
  open_sections jsonb not null default '[]',
  raw text not null,
  unique (file_id, position)
);
create index reports_report_id_idx on reports (report_id);
create index reports_proc_date_idx on reports (proc_date);
create index reports_report_date_idx on reports (report_date);
create index reports_settlement_currency_idx on reports (settlement_currency);
create index reports_reporting_for_id_idx on reports (reporting_for_id);

create table amounts (
  id bigint generated always as identity primary key,
  report_pk bigint not null references reports (id) on delete cascade,
  line_no integer not null,
  section text not null,
  label text not null,
  is_total boolean not null,
  row_date date,
  row_ref text,
  count numeric(20, 0),
  credit_amount numeric(20, 2),
  debit_amount numeric(20, 2),
  total_amount numeric(20, 2),
  columns jsonb not null,
  transaction_class text,
  raw_line text not null,
  unique (report_pk, line_no)
);
create index amounts_transaction_class_idx on amounts (transaction_class);

create table transactions (
  id bigint generated always as identity primary key,
  -- The default lets COPY load rows without a file_id column: the writer sets
  -- finstream.file_id for its transaction (set_config(..., true)).
  file_id bigint not null
    default (nullif(current_setting('finstream.file_id', true), ''))::bigint
    references ingest_files (id) on delete cascade,
  record_index integer not null,
  transaction_type text not null,
  source text,
  source_date date,
  dest_currency integer,
  arn text,
  slice_code text,
  cardbrandid text,
  externalid text,
  local_date date,
  authorization_date date,
  purchase_value numeric(18, 2),
  clearing_debit smallint,
  installment_nbr integer,
  clearing_installment integer,
  installment_value_1 numeric(18, 2),
  installment_value_n numeric(18, 2),
  clearing_value numeric(18, 6),
  issuer_exchange_rate numeric(18, 6),
  clearing_commission numeric(18, 6),
  clearing_interchange_fee_sign text,
  qualifier text,
  bin_card text,
  acquirer_id integer,
  mcc integer,
  dest_value numeric(18, 2),
  boarding_fee numeric(18, 6),
  status integer,
  operation_type text,
  cdt_amount numeric(18, 2),
  product_code text,
  operation_code text,
  reason_code text,
  pan text,
  late_presentation smallint,
  entry_mode text,
  pos_entry_mode text,
  clearing_files_row_id bigint,
  clearing_currency integer,
  clearing_boarding_fee numeric(18, 6),
  clearing_settlement_date date,
  clearing_presentation integer,
  clearing_action_code integer,
  clearing_total_partial_transaction integer,
  clearing_flag_partial_settlement smallint,
  clearing_cancel smallint,
  clearing_confirm smallint,
  clearing_add smallint,
  clearing_credit smallint,
  extra jsonb,
  unique (file_id, record_index)
);
create index transactions_arn_idx on transactions (arn);
create index transactions_type_idx on transactions (transaction_type);
create index transactions_source_date_idx on transactions (source_date);
create index transactions_dest_currency_idx on transactions (dest_currency);

create table dead_letters (
  id bigint generated always as identity primary key,
  file_id bigint references ingest_files (id) on delete set null,
  file_path text not null,
  location text not null,
  position integer,
  line_start integer,
  line_end integer,
  record_index integer,
  stage text not null check (stage in ('read', 'split', 'parse', 'validate', 'classify', 'write')),
  error_code text not null,
  error text not null,
  field text,
  raw text not null,
  attempts integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  replayed_at timestamptz
);
create unique index dead_letters_file_location_idx on dead_letters (file_id, location);
create index dead_letters_stage_idx on dead_letters (stage);
`;
