/**
 * 畸形数据生成器：从一个有效的账号文件出发，把每个字段换成错误类型的值（null、数字、字符串、
 * 数组、对象、布尔）、删除字段、或把整个文件换成非对象，得到确定的一组畸形文件。
 *
 * A generator of malformed register files: from a valid account, every field (top level, the
 * team, the first event and its changes) replaced by a value of each wrong type or removed, plus
 * whole files that are not objects. Deterministic: the same list on every run.
 */
import type { AccountFile } from '../../scripts/generated/types.ts';

export interface Shape {
  name: string;
  /** The file's text. */
  text: string;
}

const WRONG: [string, unknown][] = [
  ['null', null],
  ['5', 5],
  ['"x"', 'x'],
  ['[]', []],
  ['{}', {}],
  ['true', true],
  ['[null]', [null]],
];

const j = (v: unknown): string => JSON.stringify(v, null, 2) + '\n';

/** The shapes the issue names (and a few more), each made from a valid account. */
export const NAMED_SHAPES: { name: string; make: (valid: AccountFile) => string }[] = [
  { name: '{}', make: () => '{}\n' },
  { name: '[]', make: () => '[]\n' },
  { name: '{"events":5}', make: () => '{"events":5}\n' },
  { name: '{"events":[null]}', make: () => '{"events":[null]}\n' },
  { name: '"events": null', make: (v) => j({ ...v, events: null }) },
  { name: '"team": null', make: (v) => j({ ...v, team: null }) },
  { name: 'null', make: () => 'null\n' },
  { name: 'a number', make: () => '42\n' },
  { name: 'a string', make: () => '"账号"\n' },
  { name: 'empty file', make: () => '' },
  { name: 'events: [5]', make: (v) => j({ ...v, events: [5] }) },
  { name: 'events: [{}]', make: (v) => j({ ...v, events: [{}] }) },
  { name: 'team.operators: null', make: (v) => j({ ...v, team: { ...v.team, operators: null } }) },
  { name: 'certifiedEntity: "x"', make: (v) => j({ ...v, certifiedEntity: 'x' }) },
  { name: 'an appended event whose changes is 5', make: (v) => j({ ...v, events: [...v.events, { type: '变更备案', date: '2026-11-19', reason: '更名。', changes: 5 }] }) },
  { name: 'id: 5', make: (v) => j({ ...v, id: 5 }) },
];

export function namedShapes(valid: AccountFile): Shape[] {
  return NAMED_SHAPES.map((s) => ({ name: s.name, text: s.make(valid) }));
}

/** Every field of the account, the team and the first event, set to every wrong type, and removed. */
export function generatedShapes(valid: AccountFile): Shape[] {
  const out: Shape[] = [];
  const clone = (): Record<string, unknown> => JSON.parse(JSON.stringify(valid)) as Record<string, unknown>;
  const paths: string[][] = [];
  for (const k of Object.keys(valid)) if (k !== '$schema') paths.push([k]);
  for (const k of Object.keys(valid.team!)) paths.push(['team', k]);
  for (const k of Object.keys(valid.events[0]!)) paths.push(['events', '0', k]);
  paths.push(['certifiedEntity', 'name'], ['certifiedEntity', 'category']);
  for (const p of paths) {
    const variants: [string, unknown | typeof REMOVE][] = [...WRONG, ['removed', REMOVE]];
    for (const [label, v] of variants) {
      const doc = clone();
      let cur: Record<string, unknown> = doc;
      for (const seg of p.slice(0, -1)) cur = cur[seg] as Record<string, unknown>;
      const last = p[p.length - 1]!;
      if (v === REMOVE) delete cur[last];
      else cur[last] = v;
      const text = JSON.stringify(doc, null, 2) + '\n';
      // a value of the right type (e.g. "x" for a free-text field) may still be valid; keep only changes
      if (text === JSON.stringify(valid, null, 2) + '\n') continue;
      out.push({ name: `${p.join('.')} = ${label}`, text });
    }
  }
  return out;
}

const REMOVE = Symbol('remove');
