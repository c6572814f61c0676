import type pg from 'pg';
import { lockMigrations } from './advisoryLocks.ts';

/**
 * The PostgreSQL schema as an ordered list of steps; step N brings a database to version N.
 * Each step is idempotent (`IF NOT EXISTS`), so a step interrupted before its version was
 * recorded simply runs again. Add steps at the end; never edit one that has shipped.
 *
 * Sequence numbers come from one identity column, so they never repeat, even after compaction
 * deletes rows (a reused number would let a snapshot's `through_seq` swallow a newer update).
 */
export const MIGRATIONS: readonly string[] = [
  // 1: boards, the update log, quarantine, versions, share links and join codes, private rooms.
  `CREATE TABLE IF NOT EXISTS snapshots (
     board_id text PRIMARY KEY,
     data bytea NOT NULL,
     through_seq bigint NOT NULL,
     updated_at bigint NOT NULL,
     encoding smallint NOT NULL,
     schema_version integer
   );
   CREATE TABLE IF NOT EXISTS updates (
     seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     board_id text NOT NULL,
     data bytea NOT NULL
   );
   CREATE INDEX IF NOT EXISTS updates_by_board ON updates (board_id, seq);
   CREATE TABLE IF NOT EXISTS quarantined_updates (
     seq bigint PRIMARY KEY,
     board_id text NOT NULL,
     data bytea NOT NULL,
     reason text NOT NULL,
     quarantined_at bigint NOT NULL
   );
   CREATE TABLE IF NOT EXISTS board_versions (
     id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     board_id text NOT NULL,
     created_at bigint NOT NULL,
     kind text NOT NULL,
     name text,
     note_count integer NOT NULL,
     data bytea NOT NULL,
     encoding smallint NOT NULL
   );
   CREATE INDEX IF NOT EXISTS board_versions_by_board ON board_versions (board_id, id);
   CREATE TABLE IF NOT EXISTS share_links (
     id text PRIMARY KEY,
     board_id text NOT NULL,
     access text NOT NULL,
     label text NOT NULL DEFAULT '',
     created_at bigint NOT NULL,
     expires_at bigint,
     revoked_at bigint,
     code text NOT NULL UNIQUE
   );
   CREATE INDEX IF NOT EXISTS share_links_board ON share_links (board_id, created_at);
   CREATE TABLE IF NOT EXISTS private_rooms (
     room_id text PRIMARY KEY,
     board_id text NOT NULL,
     created_at bigint NOT NULL
   );
   CREATE INDEX IF NOT EXISTS private_rooms_board ON private_rooms (board_id, created_at);`,
  // 2: the share link that first opened each private room, so rooms can be counted per link
  // (issue 13); rooms recorded before count for no link.
  `ALTER TABLE private_rooms ADD COLUMN IF NOT EXISTS link_id text;
   CREATE INDEX IF NOT EXISTS private_rooms_link ON private_rooms (board_id, link_id);`,
  // 3: data protection (issue 15): tombstones of deleted boards, when each board was last
  // opened and its own retention, and the append-only audit log. The audit log's triggers
  // refuse UPDATE, DELETE and TRUNCATE from any writer (a superuser can still drop them).
  `CREATE TABLE IF NOT EXISTS deleted_boards (
     board_id text PRIMARY KEY,
     deleted_at bigint NOT NULL
   );
   CREATE TABLE IF NOT EXISTS board_opened (
     board_id text PRIMARY KEY,
     opened_at bigint NOT NULL
   );
   CREATE TABLE IF NOT EXISTS board_retention (
     board_id text PRIMARY KEY,
     keep boolean NOT NULL,
     days integer
   );
   CREATE TABLE IF NOT EXISTS audit_log (
     id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     at bigint NOT NULL,
     board_id text NOT NULL,
     action text NOT NULL,
     actor text NOT NULL,
     link_id text,
     access text,
     details text NOT NULL
   );
   CREATE INDEX IF NOT EXISTS audit_log_by_board ON audit_log (board_id, id);
   CREATE INDEX IF NOT EXISTS audit_log_by_time ON audit_log (at);
   CREATE OR REPLACE FUNCTION costudio_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     RAISE EXCEPTION 'costudio: the audit log is append-only';
   END
   $$;
   DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log;
   CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
     FOR EACH ROW EXECUTE FUNCTION costudio_audit_log_append_only();
   DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log;
   CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
     FOR EACH STATEMENT EXECUTE FUNCTION costudio_audit_log_append_only();`,
];

/** The schema version this Costudio writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings the database to SCHEMA_VERSION, inside the caller's transaction, under an advisory lock
 * so that instances starting together migrate one after another. Refuses a database written by
 * a newer Costudio rather than misread it.
 */
export async function migrate(client: pg.ClientBase): Promise<void> {
  await lockMigrations(client);
  await client.query(`CREATE TABLE IF NOT EXISTS costudio_schema_version (
      version integer PRIMARY KEY,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM costudio_schema_version');
  const current = rows[0]?.version ?? 0;
  if (current > SCHEMA_VERSION) {
    throw new Error(`The database was written by a newer Costudio (schema version ${current}); refusing to use it`);
  }
  for (let version = current + 1; version <= SCHEMA_VERSION; version++) {
    await client.query(MIGRATIONS[version - 1] as string);
    await client.query('INSERT INTO costudio_schema_version (version) VALUES ($1)', [version]);
  }
}
