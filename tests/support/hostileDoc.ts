/**
 * Test support: workshop docs as a hostile (or buggy) client could leave them. A stock y-websocket
 * client can write any value into any field of the shared doc, so these arbitraries (fast-check)
 * describe random writes onto a realistic workshop: every root (meta, cards, regions, groups,
 * diamond axes, tombstones, vote results) and every field of every card type, set to numbers at
 * and past the edges, empty, huge and odd strings, wrong types, nested or deep values and Y types
 * where a primitive is expected, or deleted. The doc then travels as an update, as it would to
 * the server, so only what a client can really send arrives.
 */
import fc from 'fast-check';
import * as Y from 'yjs';
import {
  ACTION_STATUSES,
  ACTION_TYPES,
  ACTIVITY_STATUSES,
  CAPACITY_KINDS,
  FUNDING_SOURCES,
  HELICES,
  INDICATOR_KINDS,
  OPPORTUNITY_KINDS,
  TIME_HORIZONS,
} from '../../shared/domain/s3';
import { WORKSHOP_TEMPLATES } from '../../shared/domain/workshop';
import { CARD_COLORS, CARD_TYPES } from '../../shared/doc/cards';

/** A value that becomes a Y type (fresh for every write: a Y type can sit in one place only). */
export class YValue {
  constructor(
    readonly kind: 'map' | 'array' | 'text' | 'xmlFragment' | 'xmlText' | 'xmlElement',
    readonly content: string,
  ) {}
}

/** A plain value nested `depth` levels deep (objects and arrays alternating). */
export class DeepValue {
  constructor(readonly depth: number) {}
}

/** The marker for "delete this key". */
export const DELETE = Symbol('delete');

/** A value as the arbitraries describe it: plain, a YValue, a DeepValue or DELETE. */
export type Written = unknown;

const HUGE = 'ß'.repeat(100_000);
const ODD_STRINGS = [
  '',
  ' ',
  HUGE,
  '\u0000',
  '\ud800',
  '=HYPERLINK("http://evil.example")',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'toString',
  '-'.repeat(70),
  '9999-12-31',
  '+275760-09-13T00:00:00.000Z',
];
const ODD_NUMBERS = [
  NaN,
  Infinity,
  -Infinity,
  -1e15,
  1e15,
  8.64e15,
  8.64e15 + 1,
  -8.64e15 - 1,
  1e300,
  -1e300,
  -0,
  -1,
  0,
  0.5,
  1,
  3,
  5,
  6,
  2 ** 31,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_VALUE,
];

const primitive: fc.Arbitrary<Written> = fc.oneof(
  fc.constantFrom(...ODD_NUMBERS),
  fc.double(),
  fc.integer(),
  fc.constantFrom(...ODD_STRINGS),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);

const yValue: fc.Arbitrary<Written> = fc
  .tuple(
    fc.constantFrom<YValue['kind']>('map', 'array', 'text', 'xmlFragment', 'xmlText', 'xmlElement'),
    fc.constantFrom('', 'x', '2027-01-01', 'capacity', HUGE),
  )
  .map(([kind, content]) => new YValue(kind, content));

/** Plain values Yjs can carry as formatting or attributes (JSON: no undefined, no Y types). */
const jsonValue: fc.Arbitrary<Written> = fc.oneof(
  primitive.map((v) => (v === undefined ? null : v)),
  fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.double()), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
);

/** Anything a client may write where the reader expects one value. */
export const hostileValue: fc.Arbitrary<Written> = fc.oneof(
  { weight: 6, arbitrary: primitive },
  { weight: 2, arbitrary: fc.array(primitive, { maxLength: 4 }) },
  { weight: 2, arbitrary: fc.dictionary(fc.string({ maxLength: 6 }), primitive, { maxKeys: 4 }) },
  { weight: 2, arbitrary: yValue },
  {
    weight: 1,
    arbitrary: fc
      .oneof(fc.integer({ min: 2, max: 60 }), fc.constant(1500))
      .map((d) => new DeepValue(d)),
  },
);

/** Ids a field may name: the realistic ones (regions, the fixture's cards) and odd ones. */
function idValue(ids: readonly string[]): fc.Arbitrary<Written> {
  return fc.oneof(
    fc.constantFrom(...ids, 'AT33', 'ITH1', 'unspecified'),
    fc.constantFrom('', 'x'.repeat(65), HUGE, '__proto__'),
  );
}

/** Values that pass or nearly pass each field's own schema, so writes reach past validation. */
function plausible(key: string, ids: readonly string[]): fc.Arbitrary<Written> {
  const anyId = idValue(ids);
  const when = fc.constantFrom(Date.UTC(2026, 10, 23, 9), 0, 1, -1, 8.64e15, -1e15, 1e300);
  switch (key) {
    case 'id':
    case 'cardId':
    case 'voteId':
    case 'regionId':
    case 'activityId':
    case 'groupId':
    case 'workshopId':
      return anyId;
    case 'type':
      return fc.constantFrom(...CARD_TYPES, 'text', 'paragraph', 'bogus');
    case 'template':
      return fc.constantFrom(...WORKSHOP_TEMPLATES, 'bogus', '');
    case 'kind':
      return fc.constantFrom(...CAPACITY_KINDS, ...OPPORTUNITY_KINDS, ...INDICATOR_KINDS, 'bogus');
    case 'horizon':
      return fc.constantFrom(...TIME_HORIZONS, 'bogus');
    case 'status':
      return fc.constantFrom(...ACTIVITY_STATUSES, ...ACTION_STATUSES, 'bogus');
    case 'actionType':
      return fc.constantFrom(...ACTION_TYPES, 'bogus');
    case 'fundingSource':
      return fc.constantFrom(...FUNDING_SOURCES, 'bogus');
    case 'helix':
      return fc.constantFrom(...HELICES, 'unspecified', 'bogus');
    case 'color':
      return fc.constantFrom(...CARD_COLORS, 'bogus');
    case 'start':
    case 'end':
      return fc.constantFrom('2027-01-01', '2028-12-31', '2027-02-30', '0000-01-01', '');
    case 'createdAt':
    case 'updatedAt':
    case 'revealedAt':
    case 'deletedAt':
      return when;
    case 'strength':
    case 'criticalMass':
    case 'rank':
    case 'total':
    case 'voters':
    case 'budget':
    case 'maxPerCard':
    case 'baseline':
    case 'target':
    case 'recordVersion':
    case 'version':
    case 'x':
    case 'y':
    case 'z':
    case 'schemaVersion':
      return fc.oneof(
        fc.integer({ min: -2, max: 10 }),
        fc.constantFrom(...ODD_NUMBERS),
        fc.constant(null),
      );
    case 'partners':
    case 'regionIds':
    case 'fields':
      return fc.array(fc.oneof(anyId, fc.string({ maxLength: 8 }), primitive), { maxLength: 4 });
    case 'kinds':
      return fc.array(fc.constantFrom(...CAPACITY_KINDS, 'bogus'), { maxLength: 4 });
    case 'language':
      return fc.constantFrom('en', 'de', 'fr', 'it', 'sl', 'xx', '');
    case 'nuts':
      return fc.constantFrom('AT33', 'ITH1', '', 'at33', 'TOOLONG1');
    case 'evidenceUrl':
    case 'sourceUrl':
      return fc.constantFrom('https://example.org', 'javascript:alert(1)', '');
    case 'byHelix':
    case 'byRegion':
      return fc.dictionary(
        fc.oneof(
          fc.constantFrom(...HELICES, 'AT33', '__proto__', 'unspecified'),
          fc.string({ maxLength: 4 }),
        ),
        fc.oneof(fc.integer({ min: -1, max: 9 }), primitive),
        { maxKeys: 4 },
      );
    case 'provenance':
      return fc.record(
        { workshopId: anyId, cardId: anyId, recordVersion: plausible('recordVersion', ids) },
        { requiredKeys: [] },
      );
    case 'sources':
      return fc.array(fc.record({ workshopId: anyId, version: plausible('version', ids) }), {
        maxLength: 3,
      });
    case 'frame':
      return fc.record({ x: primitive, y: primitive, width: primitive, height: primitive });
    case 'cards':
      return fc.array(item(VOTE_CARD_KEYS, ids), { maxLength: 4 });
    default:
      return fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...ODD_STRINGS));
  }
}

/** A value for `key`: mostly one its reader might accept, otherwise anything. */
function valueFor(key: string, ids: readonly string[]): fc.Arbitrary<Written> {
  return fc.oneof(
    { weight: 3, arbitrary: plausible(key, ids) },
    { weight: 2, arbitrary: hostileValue },
  );
}

/** A plain object with (some of) these keys: what a peer pushes into a list or map of items. */
function item(keys: readonly string[], ids: readonly string[]): fc.Arbitrary<Written> {
  const fields = Object.fromEntries(keys.map((k) => [k, valueFor(k, ids)]));
  return fc.oneof(
    { weight: 4, arbitrary: fc.record(fields) },
    { weight: 2, arbitrary: fc.record(fields, { requiredKeys: [] }) },
    { weight: 1, arbitrary: hostileValue },
  );
}

const META_KEYS = [
  'schemaVersion',
  'workshopId',
  'title',
  'template',
  'createdAt',
  'field',
  'language',
  'sources',
] as const;
/** Every field any card type has (a card of one type may carry another type's fields). */
const CARD_KEYS = [
  'id',
  'type',
  'boardId',
  'title',
  'body',
  'x',
  'y',
  'z',
  'color',
  'createdBy',
  'createdAt',
  'updatedAt',
  'provenance',
  'regionId',
  'kind',
  'field',
  'holders',
  'strength',
  'evidenceUrl',
  'horizon',
  'sourceUrl',
  'groupId',
  'capacityIds',
  'opportunityIds',
  'actors',
  'structuralChange',
  'criticalMass',
  'criticalMassRationale',
  'crossRegionalNeeds',
  'status',
  'activityId',
  'actionType',
  'lead',
  'partners',
  'regionIds',
  'start',
  'end',
  'budget',
  'fundingSource',
  'clusterService',
  'indicators',
] as const;
const CARD_LISTS = {
  holders: ['id', 'name', 'helix'],
  actors: ['id', 'name', 'helix', 'regionId'],
  crossRegionalNeeds: ['id', 'regionId', 'contribution'],
  indicators: ['id', 'kind', 'name', 'unit', 'baseline', 'target'],
} as const;
const REGION_KEYS = ['id', 'name', 'country', 'nuts'];
const GROUP_KEYS = ['id', 'name', 'createdAt', 'frame'];
const AXIS_KEYS = ['id', 'label', 'kinds', 'fields'];
const TOMBSTONE_KEYS = ['id', 'type', 'title', 'deletedAt', 'deletedBy'];
const VOTE_KEYS = ['voteId', 'title', 'budget', 'maxPerCard', 'voters', 'revealedAt', 'cards'];
const VOTE_CARD_KEYS = ['cardId', 'total', 'rank', 'byHelix', 'byRegion'];

/** One write a client makes; `card` picks a card of the doc by position (modulo their number). */
export type HostileWrite =
  | { to: 'meta'; key: string; value: Written }
  | { to: 'card'; card: number; key: string; value: Written }
  | { to: 'cardList'; card: number; key: string; value: Written }
  | {
      to: 'cardLinks';
      card: number;
      key: 'capacityIds' | 'opportunityIds';
      id: Written;
      value: Written;
    }
  | { to: 'body'; card: number; depth: number; text: string; attributes: Record<string, Written> }
  | { to: 'cards'; key: Written; value: Written }
  | { to: 'regions' | 'diamondAxes'; value: Written }
  | { to: 'opportunityGroups' | 'removedCards' | 'voteResults'; key: Written; value: Written };

const orDelete = (value: fc.Arbitrary<Written>) =>
  fc.oneof({ weight: 5, arbitrary: value }, { weight: 1, arbitrary: fc.constant(DELETE) });

/** Random writes onto a doc whose cards include `cardIds` (and regions AT33, ITH1). */
export function hostileWrites(
  cardIds: readonly string[],
  { maxWrites = 6 }: { maxWrites?: number } = {},
): fc.Arbitrary<HostileWrite[]> {
  const ids = cardIds;
  const card = fc.nat({ max: 10_000 });
  const key = (keys: readonly string[]) => fc.constantFrom(...keys);
  const keyed = (keys: readonly string[], build: (k: string) => fc.Arbitrary<HostileWrite>) =>
    key(keys).chain(build);
  const anyKey = fc.oneof(idValue(ids), fc.string({ maxLength: 6 }));
  const write: fc.Arbitrary<HostileWrite> = fc.oneof(
    keyed(META_KEYS, (k) =>
      orDelete(valueFor(k, ids)).map((value) => ({ to: 'meta', key: k, value })),
    ),
    {
      weight: 4,
      arbitrary: keyed(CARD_KEYS, (k) =>
        fc.record({
          to: fc.constant('card' as const),
          card,
          key: fc.constant(k),
          value: orDelete(valueFor(k, ids)),
        }),
      ),
    },
    keyed(Object.keys(CARD_LISTS), (k) =>
      fc.record({
        to: fc.constant('cardList' as const),
        card,
        key: fc.constant(k),
        value: item(CARD_LISTS[k as keyof typeof CARD_LISTS], ids),
      }),
    ),
    fc.record({
      to: fc.constant('cardLinks' as const),
      card,
      key: fc.constantFrom('capacityIds' as const, 'opportunityIds' as const),
      id: anyKey,
      value: hostileValue,
    }),
    fc.record({
      to: fc.constant('body' as const),
      card,
      // Past ~1,000 levels, recursive readers and validators run out of stack.
      depth: fc.oneof(
        { weight: 8, arbitrary: fc.integer({ min: 0, max: 6 }) },
        { weight: 1, arbitrary: fc.constantFrom(40, 1_200) },
      ),
      text: fc.constantFrom('', 'text', HUGE, '\ud800'),
      attributes: fc.dictionary(
        fc.constantFrom('bold', 'link', 'level', 'start', 'href', 'x'.repeat(80), '__proto__'),
        jsonValue,
        { maxKeys: 3 },
      ),
    }),
    fc.record({ to: fc.constant('cards' as const), key: anyKey, value: orDelete(hostileValue) }),
    fc.record({ to: fc.constant('regions' as const), value: item(REGION_KEYS, ids) }),
    fc.record({ to: fc.constant('diamondAxes' as const), value: item(AXIS_KEYS, ids) }),
    fc.record({
      to: fc.constant('opportunityGroups' as const),
      key: anyKey,
      value: orDelete(item(GROUP_KEYS, ids)),
    }),
    fc.record({
      to: fc.constant('removedCards' as const),
      key: anyKey,
      value: orDelete(item(TOMBSTONE_KEYS, ids)),
    }),
    fc.record({
      to: fc.constant('voteResults' as const),
      key: anyKey,
      value: orDelete(item(VOTE_KEYS, ids)),
    }),
  );
  return fc.array(write, { minLength: 1, maxLength: maxWrites });
}

/** The value as it goes into the doc: Y types made fresh, deep values built. */
export function materialise(value: Written): unknown {
  if (value instanceof YValue) {
    switch (value.kind) {
      case 'map': {
        const map = new Y.Map<unknown>();
        map.set('value', value.content);
        return map;
      }
      case 'array':
        return Y.Array.from([value.content]);
      case 'text':
        return new Y.Text(value.content);
      case 'xmlFragment': {
        const fragment = new Y.XmlFragment();
        fragment.insert(0, [new Y.XmlText(value.content)]);
        return fragment;
      }
      case 'xmlText':
        return new Y.XmlText(value.content);
      case 'xmlElement':
        return new Y.XmlElement(value.content || 'paragraph');
    }
  }
  if (value instanceof DeepValue) {
    let deep: unknown = 'bottom';
    for (let i = 0; i < value.depth; i++) deep = i % 2 ? [deep] : { id: 'x', name: deep };
    return deep;
  }
  if (Array.isArray(value)) return value.map(materialise);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, materialise(v)]));
  }
  return value;
}

/** A key as a Y.Map key (maps are keyed by strings only). */
const asKey = (key: Written) => (typeof key === 'string' ? key : String(key));

/** Applies the writes to `doc` in one transaction each, as separate client edits. */
export function applyHostileWrites(doc: Y.Doc, writes: readonly HostileWrite[]): void {
  const cards = doc.getMap<unknown>('cards');
  const cardAt = (n: number) => {
    const keys = [...cards.keys()].sort();
    if (keys.length === 0) return undefined;
    const card = cards.get(keys[n % keys.length]!);
    return card instanceof Y.Map ? card : undefined;
  };
  const setOrDelete = (map: Y.Map<unknown>, key: string, value: Written) => {
    if (value === DELETE) map.delete(key);
    else map.set(key, materialise(value));
  };
  for (const w of writes) {
    // A write Yjs itself refuses (e.g. undefined in a Y.Array) is one no client can send.
    try {
      applyOne(w);
    } catch {
      continue;
    }
  }
  function applyOne(w: HostileWrite): void {
    doc.transact(() => {
      switch (w.to) {
        case 'meta':
          setOrDelete(doc.getMap('meta'), w.key, w.value);
          break;
        case 'card': {
          const card = cardAt(w.card);
          if (card) setOrDelete(card, w.key, w.value);
          break;
        }
        case 'cardList': {
          const list = cardAt(w.card)?.get(w.key);
          if (list instanceof Y.Array) list.push([materialise(w.value)]);
          break;
        }
        case 'cardLinks': {
          const links = cardAt(w.card)?.get(w.key);
          if (links instanceof Y.Map) links.set(asKey(w.id), materialise(w.value));
          break;
        }
        case 'body': {
          const body = cardAt(w.card)?.get('body');
          if (!(body instanceof Y.XmlFragment)) break;
          // Nested elements as deep as asked, a formatted run of text at the bottom.
          let parent: Y.XmlFragment | Y.XmlElement = body;
          for (let i = 0; i < w.depth; i++) {
            const element: Y.XmlElement = new Y.XmlElement(i % 2 ? 'listItem' : 'bulletList');
            parent.insert(parent.length, [element]);
            parent = element;
          }
          const text = new Y.XmlText();
          parent.insert(parent.length, [text]);
          const attributes = materialise(w.attributes) as Record<string, unknown>;
          text.insert(0, w.text, attributes);
          if (parent instanceof Y.XmlElement) {
            for (const [k, v] of Object.entries(attributes)) {
              parent.setAttribute(k, v as string);
            }
          }
          break;
        }
        case 'cards':
          setOrDelete(cards, asKey(w.key), w.value);
          break;
        case 'regions':
        case 'diamondAxes':
          doc.getArray(w.to).push([materialise(w.value)]);
          break;
        case 'opportunityGroups':
        case 'removedCards':
        case 'voteResults':
          setOrDelete(doc.getMap(w.to), asKey(w.key), w.value);
          break;
      }
    });
  }
}

/** What the server holds after the client's edits reach it: the doc rebuilt from an update. */
export function throughTheWire(doc: Y.Doc): Y.Doc {
  const received = new Y.Doc();
  Y.applyUpdate(received, Y.encodeStateAsUpdate(doc));
  return received;
}
