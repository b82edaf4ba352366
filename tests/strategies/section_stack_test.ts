/**
 * Tests for the per-page heading stack (`section_stack.ts`, layout notes §4.3–4.4):
 * open/close/cutoff semantics, resolution against an inherited stack, and a property: a
 * heading sequence split into two pages resolves exactly as the unsplit sequence.
 *
 * @module
 */

import assert from "node:assert/strict";
import fc from "fast-check";
import type { Heading } from "../../src/models/report.ts";
import {
  NO_CUTOFF,
  resolveSections,
  sectionPath,
  SectionStack,
} from "../../src/strategies/section_stack.ts";

const h = (indent: number, text: string): Heading => ({ indent, text });

Deno.test("SectionStack.open pops headings at the same indent or deeper, then pushes", async (t) => {
  const stack = new SectionStack();
  await t.step("fresh stack", () => {
    assert.deepEqual(stack.snapshot(), { cutoff: NO_CUTOFF, local: [] });
  });
  await t.step("nested headings", () => {
    stack.open(h(2, "ISSUER TRANSACTIONS"));
    stack.open(h(4, "27-DAY DEFER"));
    stack.open(h(6, "PURCHASE"));
    // the first heading of a page closes whatever the page inherited at indent ≥ 2
    assert.deepEqual(stack.snapshot(), {
      cutoff: 2,
      local: [h(2, "ISSUER TRANSACTIONS"), h(4, "27-DAY DEFER"), h(6, "PURCHASE")],
    });
  });
  await t.step("a sibling replaces the heading at its indent and everything deeper", () => {
    stack.open(h(4, "NO DEFERMENT"));
    assert.deepEqual(stack.snapshot().local, [h(2, "ISSUER TRANSACTIONS"), h(4, "NO DEFERMENT")]);
    assert.equal(stack.snapshot().cutoff, 2);
  });
  await t.step("a shallower heading than any open one closes them all and sets the cutoff", () => {
    stack.open(h(1, "TOP"));
    assert.deepEqual(stack.snapshot(), { cutoff: 1, local: [h(1, "TOP")] });
  });
});

Deno.test("SectionStack.close: the cutoff records how far inherited headings were closed", async (t) => {
  await t.step("closing on an empty page sets the cutoff", () => {
    const stack = new SectionStack();
    stack.close(5);
    assert.deepEqual(stack.snapshot(), { cutoff: 5, local: [] });
  });
  await t.step("the cutoff only goes down", () => {
    const stack = new SectionStack();
    stack.close(5);
    stack.close(3);
    stack.close(7);
    assert.equal(stack.snapshot().cutoff, 3);
  });
  await t.step("a close that leaves a local heading open keeps the cutoff", () => {
    const stack = new SectionStack();
    stack.open(h(2, "INTERCHANGE VALUE"));
    stack.close(5);
    assert.deepEqual(stack.snapshot(), { cutoff: 2, local: [h(2, "INTERCHANGE VALUE")] });
  });
  await t.step("a close that empties the local stack lowers the cutoff", () => {
    const stack = new SectionStack();
    stack.open(h(5, "A"));
    assert.equal(stack.snapshot().cutoff, 5);
    stack.close(4);
    assert.deepEqual(stack.snapshot(), { cutoff: 4, local: [] });
  });
  await t.step("the first heading of a page sets the cutoff to its indent", () => {
    const stack = new SectionStack();
    stack.open(h(4, "ATM CASH"));
    assert.deepEqual(stack.snapshot(), { cutoff: 4, local: [h(4, "ATM CASH")] });
  });
});

Deno.test("SectionStack: a snapshot is a copy", () => {
  const stack = new SectionStack();
  stack.open(h(2, "A"));
  const before = stack.snapshot();
  stack.open(h(4, "B"));
  before.local.push(h(9, "X"));
  assert.deepEqual(before.local, [h(2, "A"), h(9, "X")]);
  assert.deepEqual(stack.snapshot().local, [h(2, "A"), h(4, "B")]);
});

Deno.test("resolveSections keeps inherited headings shallower than the cutoff", async (t) => {
  const inherited = [h(2, "ISSUER TRANSACTIONS"), h(4, "27-DAY DEFER"), h(6, "PURCHASE")];
  const cases: [string, { cutoff: number; local: Heading[] }, string[]][] = [
    ["nothing closed, nothing opened", { cutoff: NO_CUTOFF, local: [] }, [
      "ISSUER TRANSACTIONS",
      "27-DAY DEFER",
      "PURCHASE",
    ]],
    ["cutoff 6 closes PURCHASE", { cutoff: 6, local: [] }, ["ISSUER TRANSACTIONS", "27-DAY DEFER"]],
    ["cutoff 5 also closes only PURCHASE", { cutoff: 5, local: [] }, [
      "ISSUER TRANSACTIONS",
      "27-DAY DEFER",
    ]],
    ["cutoff 4 with a new sibling", { cutoff: 4, local: [h(4, "NO DEFERMENT")] }, [
      "ISSUER TRANSACTIONS",
      "NO DEFERMENT",
    ]],
    ["cutoff 2 replaces everything", { cutoff: 2, local: [h(2, "ACQUIRER TRANSACTIONS")] }, [
      "ACQUIRER TRANSACTIONS",
    ]],
  ];
  for (const [name, state, expected] of cases) {
    await t.step(name, () => {
      assert.deepEqual(resolveSections(inherited, state).map((x) => x.text), expected);
    });
  }
  await t.step("nothing inherited", () => {
    assert.deepEqual(resolveSections([], { cutoff: NO_CUTOFF, local: [h(2, "A")] }), [h(2, "A")]);
  });
  await t.step("the module's example", () => {
    const stack = new SectionStack();
    stack.open({ indent: 4, text: "PURCHASE" });
    assert.deepEqual(
      resolveSections([{ indent: 2, text: "ISSUER" }], stack.snapshot()).map((x) => x.text),
      ["ISSUER", "PURCHASE"],
    );
  });
});

Deno.test("sectionPath joins heading texts with ' - '", () => {
  assert.equal(
    sectionPath([h(2, "ISSUER TRANSACTIONS"), h(4, "PURCHASE")]),
    "ISSUER TRANSACTIONS - PURCHASE",
  );
  assert.equal(sectionPath([h(2, "INTERCHANGE VALUE")]), "INTERCHANGE VALUE");
  assert.equal(sectionPath([]), "");
});

/** One step of a page body: a heading, a total row (closes its level), or a label-only line. */
type Op =
  | { type: "open"; indent: number; text: string }
  | { type: "close"; indent: number }
  | { type: "label"; indent: number; text: string };

/** Reference model written from §4.3: one global stack, pop ≥ indent, then push. */
function referencePaths(ops: readonly Op[]): string[][] {
  let stack: Heading[] = [];
  const paths: string[][] = [];
  for (const op of ops) {
    stack = stack.filter((x) => x.indent < op.indent);
    if (op.type === "open") stack.push({ indent: op.indent, text: op.text });
    paths.push(stack.map((x) => x.text));
  }
  return paths;
}

function apply(stack: SectionStack, op: Op) {
  if (op.type === "open") stack.open({ indent: op.indent, text: op.text });
  else if (op.type === "close") stack.close(op.indent);
  // A label printed alone opens nothing, but closes what it would have replaced.
  else stack.close(op.indent);
}

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant("open" as const),
      indent: fc.integer({ min: 1, max: 14 }),
      text: fc.stringMatching(/^[A-Z]{1,6}$/),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant("close" as const),
      indent: fc.integer({ min: 1, max: 14 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant("label" as const),
      indent: fc.integer({ min: 1, max: 14 }),
      text: fc.stringMatching(/^[A-Z]{1,6}$/),
    }),
  },
);

Deno.test("one page: the stack follows the §4.3 reference model (property)", () => {
  fc.assert(
    fc.property(fc.array(opArbitrary, { maxLength: 40 }), (ops) => {
      const stack = new SectionStack();
      const expected = referencePaths(ops);
      ops.forEach((op, i) => {
        apply(stack, op);
        const path = resolveSections([], stack.snapshot()).map((x) => x.text);
        assert.deepEqual(path, expected[i]);
      });
    }),
    { numRuns: 500 },
  );
});

Deno.test("two pages resolve like one page (property)", () => {
  fc.assert(
    fc.property(
      fc.array(opArbitrary, { maxLength: 40 }).chain((ops) =>
        fc.tuple(fc.constant(ops), fc.integer({ min: 0, max: ops.length }))
      ),
      ([ops, split]) => {
        // the whole sequence as a single page
        const whole = new SectionStack();
        const wholePaths = ops.map((op) => {
          apply(whole, op);
          return sectionPath(resolveSections([], whole.snapshot()));
        });

        // page 1, then page 2 resolved against page 1's end state
        const page1 = new SectionStack();
        const page1Paths = ops.slice(0, split).map((op) => {
          apply(page1, op);
          return sectionPath(resolveSections([], page1.snapshot()));
        });
        const inherited = resolveSections([], page1.snapshot());
        const page2 = new SectionStack();
        const page2Paths = ops.slice(split).map((op) => {
          apply(page2, op);
          return sectionPath(resolveSections(inherited, page2.snapshot()));
        });

        assert.deepEqual([...page1Paths, ...page2Paths], wholePaths);
        assert.deepEqual(
          resolveSections(inherited, page2.snapshot()),
          resolveSections([], whole.snapshot()),
        );
      },
    ),
    { numRuns: 1000 },
  );
});

Deno.test("three pages chained resolve like one page (property)", () => {
  fc.assert(
    fc.property(
      fc.array(opArbitrary, { maxLength: 30 }),
      fc.integer({ min: 0, max: 30 }),
      fc.integer({ min: 0, max: 30 }),
      (ops, a, b) => {
        const [i, j] = [Math.min(a, b, ops.length), Math.min(Math.max(a, b), ops.length)];
        const whole = new SectionStack();
        ops.forEach((op) => apply(whole, op));
        let inherited: Heading[] = [];
        for (const part of [ops.slice(0, i), ops.slice(i, j), ops.slice(j)]) {
          const page = new SectionStack();
          part.forEach((op) => apply(page, op));
          inherited = resolveSections(inherited, page.snapshot());
        }
        assert.deepEqual(inherited, resolveSections([], whole.snapshot()));
      },
    ),
    { numRuns: 500 },
  );
});
