/**
 * The open heading stack of a report page, kept so that pages can be parsed on their own
 * (even in parallel, out of order) and joined to the previous page afterwards.
 *
 * A heading with indent *i* closes every open heading with indent ≥ *i*. A page starts
 * with an unknown stack inherited from the previous page of the same report instance;
 * instead of needing it, the page records `cutoff`: the lowest indent at which it closed
 * inherited headings. The full path of any row is then
 * `inherited.filter(h => h.indent < cutoff) ++ local`, which {@link resolveSections}
 * computes once the inherited stack is known.
 *
 * Techniques: a plain array stack with the pop-then-push rule of the layout notes (§4.3)
 * and a monotone cutoff, so resolution is a pure function of the page's own result.
 *
 * @example
 * ```ts
 * import { SectionStack, resolveSections } from "./section_stack.ts";
 * const stack = new SectionStack();
 * stack.open({ indent: 4, text: "PURCHASE" });
 * const state = stack.snapshot();
 * resolveSections([{ indent: 2, text: "ISSUER" }], state).map((h) => h.text); // ["ISSUER", "PURCHASE"]
 * ```
 *
 * @module
 */

import type { Heading } from "../models/report.ts";

/** The cutoff of a page that closed no inherited heading (finite, so it survives JSON). */
export const NO_CUTOFF = Number.MAX_SAFE_INTEGER;

/** A section state: headings opened on the page, and where inherited ones were cut. */
export interface SectionState {
  cutoff: number;
  local: Heading[];
}

/** The heading stack of one page. */
export class SectionStack {
  #local: Heading[] = [];
  #cutoff: number = NO_CUTOFF;

  /** Closes headings at `indent` or deeper (local first, then inherited). */
  close(indent: number): void {
    while (this.#local.length > 0 && this.#local[this.#local.length - 1].indent >= indent) {
      this.#local.pop();
    }
    if (this.#local.length === 0) this.#cutoff = Math.min(this.#cutoff, indent);
  }

  /** Opens a heading, closing every heading at its indent or deeper first. */
  open(heading: Heading): void {
    this.close(heading.indent);
    this.#local.push(heading);
  }

  /** The current state, copied. */
  snapshot(): SectionState {
    return { cutoff: this.#cutoff, local: [...this.#local] };
  }
}

/** The full heading path for a state, given the stack inherited from the previous page. */
export function resolveSections(inherited: readonly Heading[], state: SectionState): Heading[] {
  return [...inherited.filter((h) => h.indent < state.cutoff), ...state.local];
}

/** Joins a heading path the way `amounts.section` stores it: `A - B - C`. */
export function sectionPath(headings: readonly Heading[]): string {
  return headings.map((h) => h.text).join(" - ");
}
