/**
 * Typed errors of the finstream data path.
 *
 * Every error names where it happened (file, line or record, field) and the pipeline
 * step that raised it, so a message read in a log or in `dead_letters` is enough to find
 * the bad input. Techniques: one small class per failure kind (in the style of
 * postgres.js `errors.js`), a shared base carrying a `step` and a machine-readable
 * `code`, and the standard `cause` option for wrapped errors.
 *
 * @example
 * ```ts
 * import { RecordValidationError } from "./errors.ts";
 * const err = new RecordValidationError("bad date", { file: "a.json", record: 3, field: "local_date" });
 * err.message; // "a.json record 3, field local_date: bad date"
 * ```
 *
 * @module
 */

/** The pipeline steps, in data-path order. */
export type PipelineStep =
  | "read"
  | "split"
  | "parse"
  | "validate"
  | "classify"
  | "write"
  | "config";

/** Where in the input an error happened. All parts are optional. */
export interface ErrorLocation {
  /** Path of the input file. */
  file?: string;
  /** 1-based first line of the offending text (EP747). */
  line?: number;
  /** 1-based last line of the offending text, when it spans several. */
  lineEnd?: number;
  /** 0-based index of a record in a clearing file. */
  record?: number;
  /** Field or column name. */
  field?: string;
}

/** Renders a location as `file line 12, field x: `. */
export function formatLocation(loc: ErrorLocation): string {
  const parts: string[] = [];
  if (loc.file) parts.push(loc.file);
  if (loc.line !== undefined) {
    parts.push(
      loc.lineEnd !== undefined && loc.lineEnd !== loc.line
        ? `lines ${loc.line}-${loc.lineEnd}`
        : `line ${loc.line}`,
    );
  }
  if (loc.record !== undefined) parts.push(`record ${loc.record}`);
  let text = parts.join(" ");
  if (loc.field) text += `${text ? ", " : ""}field ${loc.field}`;
  return text ? `${text}: ` : "";
}

/** Base class: every finstream error has a step, a code and a location. */
export class FinstreamError extends Error {
  /** Pipeline step that failed. */
  readonly step: PipelineStep;
  /** Stable, machine-readable code (e.g. `PAGE_PARSE`). */
  readonly code: string;
  /** Where the failure is in the input. */
  readonly location: ErrorLocation;
  /** The message without the location prefix. */
  readonly reason: string;

  /**
   * Creates an error; its message is the formatted location followed by `reason`.
   *
   * @param step The pipeline step that failed.
   * @param code A stable, machine-readable code.
   * @param reason What went wrong; the message is the location followed by it.
   * @param location Where in the input (file, line or record, field).
   * @param options Standard error options (`cause`).
   */
  constructor(
    step: PipelineStep,
    code: string,
    reason: string,
    location: ErrorLocation = {},
    options?: ErrorOptions,
  ) {
    super(`${formatLocation(location)}${reason}`, options);
    this.name = new.target.name;
    this.step = step;
    this.code = code;
    this.location = location;
    this.reason = reason;
  }
}

/** A file could not be opened, read or recognised. */
export class InputFileError extends FinstreamError {
  /** Creates the error (step `read`, code `INPUT_FILE`) with `reason` at `location`. */
  constructor(reason: string, location: ErrorLocation = {}, options?: ErrorOptions) {
    super("read", "INPUT_FILE", reason, location, options);
  }
}

/** The bytes of a file could not be cut into pages or records (e.g. broken JSON). */
export class SplitError extends FinstreamError {
  /** Creates the error (step `split`, code `SPLIT`) with `reason` at `location`. */
  constructor(reason: string, location: ErrorLocation = {}, options?: ErrorOptions) {
    super("split", "SPLIT", reason, location, options);
  }
}

/** An EP747 page could not be parsed by its strategy. */
export class PageParseError extends FinstreamError {
  /** Creates the error (step `parse`, code `PAGE_PARSE`) with `reason` at `location`. */
  constructor(reason: string, location: ErrorLocation = {}, options?: ErrorOptions) {
    super("parse", "PAGE_PARSE", reason, location, options);
  }
}

/** A clearing record is not valid JSON or does not match the schema. */
export class RecordValidationError extends FinstreamError {
  /** Creates the error (step `validate`, code `RECORD_INVALID`) with `reason` at `location`. */
  constructor(reason: string, location: ErrorLocation = {}, options?: ErrorOptions) {
    super("validate", "RECORD_INVALID", reason, location, options);
  }
}

/** A strategy module could not be loaded or registered. */
export class StrategyLoadError extends FinstreamError {
  /** Creates the error (step `parse`, code `STRATEGY_LOAD`) with `reason` at `location`. */
  constructor(reason: string, location: ErrorLocation = {}, options?: ErrorOptions) {
    super("parse", "STRATEGY_LOAD", reason, location, options);
  }
}

/** The database refused a write, or could not be reached. */
export class WriteError extends FinstreamError {
  /** Creates the error (step `write`, code `WRITE`) with `reason` at `location`. */
  constructor(reason: string, location: ErrorLocation = {}, options?: ErrorOptions) {
    super("write", "WRITE", reason, location, options);
  }
}

/** The database could not be opened or migrated. */
export class DatabaseUnavailableError extends FinstreamError {
  /** Creates the error (step `write`, code `DB_UNAVAILABLE`) with `reason`; it has no input location. */
  constructor(reason: string, options?: ErrorOptions) {
    super("write", "DB_UNAVAILABLE", reason, {}, options);
  }
}

/** Bad arguments or configuration. */
export class ConfigError extends FinstreamError {
  /** Creates the error (step `config`, code `CONFIG`) with `reason` at `location`. */
  constructor(reason: string, location: ErrorLocation = {}, options?: ErrorOptions) {
    super("config", "CONFIG", reason, location, options);
  }
}
