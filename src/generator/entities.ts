/**
 * The settlement hierarchy of a generated file (layout notes §2, §3): one funds-transfer
 * entity, one or more rollup entities under it, and leaf SREs under the rollups. Each entity
 * has a 10-digit id and a name (leaf names may start with digits, like `010203 DESAFIO`).
 *
 * Techniques: ids built from one random 10-digit base (funds = base, rollup r = base +
 * r·10 000, its leaf j = rollup + j), so they are unique by construction; names drawn from
 * word lists with length limits that keep every header line free of overlaps (leaf names
 * ≤ 24 characters, rollup and funds names ≤ 19, no number-only word but the first);
 * each leaf gets an activity weight and a share of international (USD) business.
 *
 * @example
 * ```ts
 * import { buildHierarchy } from "./entities.ts";
 * import { Prng } from "./prng.ts";
 * const h = buildHierarchy(new Prng(1), 5, 2);
 * h.leaves.length; // 5
 * h.leaves[0].parent === h.rollups[0].index; // true
 * ```
 *
 * @module
 */

import { cumulativeWeights, type Prng } from "./prng.ts";

/** Where an entity sits in the hierarchy. */
export type Level = "leaf" | "rollup" | "funds";

/** One settlement reporting entity. */
export interface Entity {
  /** 10-digit id. */
  id: string;
  name: string;
  level: Level;
  /** Position in {@linkcode Hierarchy.all}: leaves first, then rollups, then funds. */
  index: number;
  /** Index of the entity it rolls up to (the funds entity rolls up to itself). */
  parent: number;
}

/** The hierarchy and the leaves' activity. */
export interface Hierarchy {
  funds: Entity;
  rollups: Entity[];
  leaves: Entity[];
  /** Leaves, then rollups, then the funds entity: the order reports print them in. */
  all: Entity[];
  /** Cumulative activity weights of the leaves (for drawing a transaction's leaf). */
  leafWeights: number[];
  /** Per leaf, the probability that a transaction is international (USD). */
  usdShare: number[];
}

/** Longest leaf name: line 2 holds it from column 33 before a service name at column 59. */
export const MAX_LEAF_NAME = 24;
/** Longest rollup/funds name: line 3 holds it before titles that start at column 54. */
export const MAX_GROUP_NAME = 19;

const GROUPS = [
  "AURORA",
  "HORIZONTE",
  "PAMPA",
  "CERRADO",
  "ATLANTICO",
  "SERRA AZUL",
  "MARE",
  "PLANALTO",
  "IGUACU",
  "JACARANDA",
];
const REGIONAL = ["SUL", "NORTE", "LESTE", "OESTE", "CENTRO", "DIGITAL", "VAREJO", "RURAL"];
const WORDS = [
  "DESAFIO",
  "EXEMPLO",
  "CARTOES",
  "PAGAMENTOS",
  "CREDITO",
  "FINANCEIRA",
  "POUPANCA",
  "INVEST",
  "COOPERATIVA",
  "CAPITAL",
  "DIGITAL",
  "VAREJO",
];
const FORMS: ((rng: Prng, group: string) => string)[] = [
  (rng) => `BANCO ${rng.pick(WORDS)} S.A.`,
  (rng) => `${rng.digits(6)} ${rng.pick(WORDS)}`,
  (rng, group) => `${group} ${rng.pick(WORDS)}`,
  (rng) => `${rng.pick(WORDS)} ${rng.pick(REGIONAL)}`,
];

function fit(name: string, max: number): string {
  return name.length <= max ? name : name.slice(0, max).trimEnd();
}

/** Builds a hierarchy of `leafCount` leaves under `rollupCount` rollups (1 ≤ rollups ≤ leaves). */
export function buildHierarchy(rng: Prng, leafCount: number, rollupCount: number): Hierarchy {
  if (!(leafCount >= 1 && rollupCount >= 1 && rollupCount <= leafCount)) {
    throw new RangeError(`need 1 ≤ rollups (${rollupCount}) ≤ leaves (${leafCount})`);
  }
  if (rollupCount > 99_999 || Math.ceil(leafCount / rollupCount) > 9_999) {
    throw new RangeError(`too many entities for 10-digit ids: ${leafCount} leaves`);
  }
  const group = rng.pick(GROUPS);
  const base = rng.int(100_000, 799_999) * 10_000;
  const id = (n: number) => String(1_000_000_000 + base + n).padStart(10, "0");
  const leafTotal = leafCount;
  const funds: Entity = {
    id: id(0),
    name: fit(`GRUPO ${group}`, MAX_GROUP_NAME),
    level: "funds",
    index: leafTotal + rollupCount,
    parent: leafTotal + rollupCount,
  };
  const rollups: Entity[] = [];
  const leaves: Entity[] = [];
  for (let r = 0; r < rollupCount; r++) {
    const suffix = rollupCount <= REGIONAL.length ? REGIONAL[r] : `R${r + 1}`;
    const rollup: Entity = {
      id: id((r + 1) * 10_000),
      name: fit(`${group} ${suffix}`, MAX_GROUP_NAME),
      level: "rollup",
      index: leafTotal + r,
      parent: funds.index,
    };
    rollups.push(rollup);
    // Leaves are dealt out in contiguous runs, so "leaves of rollup r" is a slice.
    const from = Math.floor((r * leafCount) / rollupCount);
    const to = Math.floor(((r + 1) * leafCount) / rollupCount);
    for (let j = from; j < to; j++) {
      leaves.push({
        id: id((r + 1) * 10_000 + (j - from) + 1),
        name: fit(rng.pick(FORMS)(rng, group), MAX_LEAF_NAME),
        level: "leaf",
        index: j,
        parent: rollup.index,
      });
    }
  }
  const weights = leaves.map(() => 0.2 + 3 * rng.next() ** 2);
  const usdShare = leaves.map(() => 0.05 + 0.2 * rng.next());
  return {
    funds,
    rollups,
    leaves,
    all: [...leaves, ...rollups, funds],
    leafWeights: cumulativeWeights(weights),
    usdShare,
  };
}

/** The leaves of a rollup, or every leaf for the funds entity. */
export function leavesOf(h: Hierarchy, entity: Entity): Entity[] {
  if (entity.level === "leaf") return [entity];
  if (entity.level === "funds") return h.leaves;
  return h.leaves.filter((l) => l.parent === entity.index);
}

/** The entities an entity's report figures are the sum of: its rollups (funds) or leaves. */
export function childrenOf(h: Hierarchy, entity: Entity): Entity[] {
  if (entity.level === "funds") return h.rollups;
  if (entity.level === "rollup") return leavesOf(h, entity);
  return [];
}
