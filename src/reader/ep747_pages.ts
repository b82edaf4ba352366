/**
 * Splits an EP747 file into pages, streaming: one {@link PageSegment} at a time, so memory
 * holds one page whatever the size of the file.
 *
 * A page starts at a line that begins (after an optional form feed and one optional
 * blank) with `REPORT ID:`. A line holding only a form feed is a page break with no
 * text. Text before the first page is not a report; it is yielded as a `preamble`
 * segment so the caller can dead-letter it instead of losing it silently.
 *
 * Techniques: async generator over {@link readTextLines}, carriage-control normalisation
 * of line 1 (a leading `\f` becomes the blank column 1; a line starting directly with
 * `REPORT ID` gets one blank prepended), so every later column position holds.
 *
 * @example
 * ```ts
 * import { readEp747Pages } from "./ep747_pages.ts";
 * const file = await Deno.open("data/samples/EP747_20240705_seed_vss110.txt");
 * for await (const page of readEp747Pages(file.readable, { file: "seed" })) {
 *   console.log(page.position, page.lineStart, page.lines[0]);
 * }
 * ```
 *
 * @module
 */

import { type ByteSource, readTextLines } from "./text_lines.ts";

/** One page of an EP747 file (or the text before the first page). */
export interface PageSegment {
  /** `page` for a report page; `preamble` for text before the first `REPORT ID:` line. */
  kind: "page" | "preamble";
  /** Path (or name) of the file the page came from. */
  file: string;
  /** 1-based position of the page in the file (0 for the preamble). */
  position: number;
  /** 1-based line number of the page's first line in the file. */
  lineStart: number;
  /** 1-based line number of the page's last line in the file. */
  lineEnd: number;
  /** The page's lines, line 1 normalised so that column 1 is the carriage-control column. */
  lines: string[];
}

/** Options for {@link readEp747Pages}. */
export interface ReadPagesOptions {
  /** File name carried by every segment. @default "<stream>" */
  file?: string;
}

const PAGE_START = /^\f?\s?REPORT ID:/;

/** Normalises a page's first line: `\f` → blank column 1; no column 1 → prepend one. */
export function normalizeFirstLine(line: string): string {
  const withoutFeed = line.startsWith("\f") ? " " + line.slice(1) : line;
  return withoutFeed.startsWith("REPORT ID") ? " " + withoutFeed : withoutFeed;
}

/** True when `line` starts a new page. */
export function isPageStart(line: string): boolean {
  return PAGE_START.test(line);
}

/** Yields the pages of an EP747 byte stream in file order. */
export async function* readEp747Pages(
  source: ByteSource,
  options: ReadPagesOptions = {},
): AsyncGenerator<PageSegment> {
  const file = options.file ?? "<stream>";
  let current: PageSegment | null = null;
  let preamble: PageSegment | null = null;
  let position = 0;
  for await (const { number, text } of readTextLines(source)) {
    if (isPageStart(text)) {
      if (current) yield current;
      else if (preamble && preamble.lines.some((l) => l.trim() !== "")) yield preamble;
      position++;
      current = {
        kind: "page",
        file,
        position,
        lineStart: number,
        lineEnd: number,
        lines: [normalizeFirstLine(text)],
      };
      continue;
    }
    const line = /^[\f\s]*$/.test(text) ? "" : text.replaceAll("\f", " ");
    if (current) {
      current.lines.push(line);
      current.lineEnd = number;
    } else {
      preamble ??= {
        kind: "preamble",
        file,
        position: 0,
        lineStart: number,
        lineEnd: number,
        lines: [],
      };
      preamble.lines.push(line);
      preamble.lineEnd = number;
    }
  }
  if (current) yield current;
  else if (preamble && preamble.lines.some((l) => l.trim() !== "")) yield preamble;
}
