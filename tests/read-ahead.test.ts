/**
 * 预读线程（scripts/core/read-ahead.ts）：它交出的文本和解析提示与主线程自己读、自己算的完全相同；
 * 用预读检查整个登记簿与不用预读的结果逐条相同（含各种恶意文件）。
 * The read-ahead thread gives exactly the text and parse hint the main thread would read and compute,
 * and a whole validation with it equals one without it, hostile files included.
 */
import fc from 'fast-check';
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHint } from '../scripts/core/jsonfast.ts';
import { ReadAhead } from '../scripts/core/read-ahead.ts';
import { MAX_FILE_BYTES } from '../scripts/core/register.ts';
import { FsSource } from '../scripts/core/source.ts';
import { validateSource } from '../scripts/pipeline/pipeline.ts';
import { baseKit, tmpDir, writeKit } from './helpers.ts';

const SEED = 20261205;

/** Texts that take every branch of the hint: BOM, escaped surrogates, __proto__, escaped quotes, spaced colons, backslashes, secrets. */
const CRAFTED = [
  '{"id":"a","name":"自贡发布"}',
  // a real U+FFFD and a NUL: the text is then not "plain" and the main thread looks at its bytes
  '{"id":"a","name":"自贡\uFFFD发布"}',
  '{"id":"a"}\0',
  '\uFEFF{"id":"a"}',
  '{"id":"\\ud83d\\ude00"}',
  '{"__proto__":{"x":1}}',
  '{"a":"say \\"hi\\"","b":1}',
  '{"a" :1,"b":2}',
  '{"a"\u3000:1}',
  '{"a":"\\u5bc6\\u7801：Abc12345"}',
  '{"note":"密码是 Abc12345"}',
  '{"note":"C:\\\\path"}',
  '{"k":"01234567890123456789012345678901"}',
  '{"a":1,"a":2}',
  '{"a":"x":"y"}',
  '',
  'not json',
  '{"a":"\\""}',
  '[1,2,{"x":"token: ghp_abcdefghijklmnopqrstuvwxyz012345"}]',
];

const jsonish = fc
  .array(fc.tuple(fc.constantFrom('id', 'name', 'note', '__proto__', 'a b', 'key', 'x"y', 'pass'), fc.oneof(fc.constantFrom('密码：Zg123456', 'ghp_abcdefghijklmnopqrstuvwxyz0123', '自贡发布', 'C:\\dir', '"quoted"', '\u3000', 'ＰＷＤ', 'sk-abcdefghijklmnopqrstuv'), fc.string({ maxLength: 12 }))), { maxLength: 6 })
  .chain((pairs) => fc.constantFrom(...[0, 1, 2]).map((style) => (style === 0 ? JSON.stringify(Object.fromEntries(pairs)) : style === 1 ? JSON.stringify(Object.fromEntries(pairs), null, 2) : '{' + pairs.map(([k, v]) => `${JSON.stringify(k)} : ${JSON.stringify(v)}`).join(',') + '}')));

/** Read every file through a ReadAhead, as FsSource.readText asks for them. */
function throughThread(dir: string, rels: string[], ask: string[] = rels, maxBytes = MAX_FILE_BYTES): Map<string, ReturnType<ReadAhead['take']>> {
  const ra = new ReadAhead(dir, rels, maxBytes);
  const out = new Map<string, ReturnType<ReadAhead['take']>>();
  try {
    for (const rel of ask) out.set(rel, ra.take(rel));
  } finally {
    ra.stop();
  }
  return out;
}

describe('read-ahead thread', () => {
  it('gives the same text and hints as the main thread computes, on crafted and generated texts', () => {
    const dir = tmpDir('govmedia-read-ahead-');
    const texts = [...CRAFTED, ...fc.sample(jsonish, { seed: SEED, numRuns: 400 })];
    const rels = texts.map((t, i) => {
      const rel = `f${i}.json`;
      writeFileSync(path.join(dir, rel), t);
      return rel;
    });
    const got = throughThread(dir, rels);
    let fast = 0;
    texts.forEach((t, i) => {
      const r = got.get(rels[i]!);
      expect(r && 'text' in r, rels[i]).toBe(true);
      if (!r || !('text' in r)) return;
      expect(r.text).toBe(readFileSync(path.join(dir, rels[i]!), 'utf8'));
      // the thread's hint is parseHint's, plus `plain` when the text has no U+FFFD and no NUL
      const plain = !t.includes('\uFFFD') && !t.includes('\0');
      expect(r.hint, JSON.stringify(t)).toEqual(plain ? { ...parseHint(t), plain: true } : parseHint(t));
      if (r.hint.keys >= 0) fast++;
    });
    // both kinds of answer occur (the corpus exercises both branches of the hint)
    expect(fast).toBeGreaterThan(10);
    expect(fast).toBeLessThan(texts.length);
  });

  it('leaves to the main thread what it cannot give: a file too large, unreadable or missing, one asked out of order', () => {
    const dir = tmpDir('govmedia-read-ahead-odd-');
    writeFileSync(path.join(dir, 'a.json'), '{"a":1}');
    writeFileSync(path.join(dir, 'big.json'), 'x'.repeat(300));
    writeFileSync(path.join(dir, 'b.json'), '{"b":2}');
    writeFileSync(path.join(dir, 'c.json'), '{"c":3}');
    writeFileSync(path.join(dir, 'd.json'), '{"d":4}');
    const rels = ['a.json', 'big.json', 'missing.json', 'b.json', 'c.json', 'd.json'];
    // the load skips b.json and asks for something not in the list
    const got = throughThread(dir, rels, ['a.json', 'big.json', 'missing.json', 'elsewhere.json', 'c.json', 'd.json'], 100);
    expect(got.get('a.json')).toMatchObject({ text: '{"a":1}' });
    expect(got.get('big.json')).toEqual({ tooLarge: 300 });
    expect(got.get('missing.json')).toBeUndefined();
    expect(got.get('elsewhere.json')).toBeUndefined();
    expect(got.get('c.json')).toMatchObject({ text: '{"c":3}' });
    expect(got.get('d.json')).toMatchObject({ text: '{"d":4}' });
  });

  it('reads at most 8 batches ahead, then carries on by itself once the judging thread takes them (it is never woken)', async () => {
    const dir = tmpDir('govmedia-read-bound-');
    // 20 batches of 64 files: more than the reader may hold at once
    const rels = Array.from({ length: 1280 }, (_, i) => `f${String(i).padStart(4, '0')}.json`);
    for (const [i, rel] of rels.entries()) writeFileSync(path.join(dir, rel), JSON.stringify({ i }));
    const ra = new ReadAhead(dir, rels, MAX_FILE_BYTES);
    const state = (ra as unknown as { state: Int32Array }).state;
    // nothing taken: it stops at 8 batches posted (it would reach 20 in this time unbounded)
    const t0 = Date.now();
    while (Atomics.load(state, 1) < 8 && Date.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 200));
    expect(Atomics.load(state, 1)).toBe(8);
    // every file comes through the thread, in order, with no wake-up from this side
    for (const [i, rel] of rels.entries()) expect(ra.take(rel)).toEqual({ text: JSON.stringify({ i }), hint: expect.objectContaining({ slow: false }) });
    expect(Atomics.load(state, 1)).toBe(20);
    ra.stop();
  });

  it('FsSource.readText reads a file whole in one read when it fits, and measures only what fills its buffer or is over the limit', () => {
    const dir = tmpDir('govmedia-read-text-');
    const MiB = 1 << 20;
    // sizes around the reused 1 MiB buffer, an empty file, multi-byte text split across the boundary
    const texts: Record<string, string> = {
      'empty.json': '',
      'small.json': '{"name":"自贡发布"}',
      'under.json': 'a'.repeat(MiB - 1),
      'exact.json': 'b'.repeat(MiB),
      'over.json': '长'.repeat(MiB / 3 + 7),
      'big.json': 'c'.repeat(3 * MiB + 5),
    };
    for (const [n, t] of Object.entries(texts)) writeFileSync(path.join(dir, n), t);
    const src = new FsSource(dir);
    for (const [n, t] of Object.entries(texts)) expect(src.readText(n) === t, n).toBe(true);
    // the buffer grew for big.json: a small file read after it is still read whole, not with stale bytes
    expect(src.readText('small.json')).toBe(texts['small.json']);
    // over the limit: the error carries the file's real size, whether it fits the buffer or not
    const tooLarge = (n: string, max: number): number | undefined => {
      try {
        src.readText(n, max);
        return undefined;
      } catch (e) {
        return (e as { size?: number }).size;
      }
    };
    expect(tooLarge('small.json', 5)).toBe(Buffer.byteLength(texts['small.json']!));
    expect(tooLarge('exact.json', MiB - 1)).toBe(MiB);
    expect(tooLarge('big.json', 2 * MiB)).toBe(3 * MiB + 5);
    expect(src.readText('exact.json', MiB)).toBe(texts['exact.json']);
  });

  it('a listing read ahead in the background equals one read folder by folder: order, types, links, odd names', async () => {
    const dir = writeKit(baseKit(), tmpDir('govmedia-list-ahead-'));
    const acc = path.join(dir, 'accounts');
    mkdirSync(path.join(acc, 'sichuan', 'Odd Folder', 'deeper'), { recursive: true });
    writeFileSync(path.join(acc, 'sichuan', 'Odd Folder', 'deeper', 'x.json'), '{}');
    writeFileSync(path.join(acc, 'sichuan', 'README.md'), 'note');
    writeFileSync(path.join(acc, 'sichuan', '名字.json'), '{}');
    symlinkSync('../region.json', path.join(acc, 'sichuan', 'link.json'));
    symlinkSync('zigong', path.join(acc, 'sichuan', 'dir-link'));
    mkdirSync(path.join(acc, 'empty'));
    const plain = new FsSource(dir).list('accounts');
    const src = new FsSource(dir);
    await src.listAhead('accounts');
    const ahead = src.list('accounts');
    expect(ahead).toEqual(plain);
    expect(plain.map((e) => `${e.type} ${e.rel}`)).toEqual(expect.arrayContaining(['symlink accounts/sichuan/link.json', 'symlink accounts/sichuan/dir-link', 'dir accounts/sichuan/Odd Folder', 'file accounts/sichuan/Odd Folder/deeper/x.json', 'dir accounts/empty', 'file accounts/sichuan/名字.json']));
    // used once: a second list reads the folders again, and a link or a file as the register folder is reported as before
    expect(src.list('accounts')).toEqual(plain);
    const linked = tmpDir('govmedia-list-ahead-link-');
    symlinkSync(acc, path.join(linked, 'accounts'));
    const viaLink = new FsSource(linked);
    await viaLink.listAhead('accounts');
    expect(viaLink.list('accounts')).toEqual([{ rel: 'accounts', type: 'symlink', size: 0 }]);
  });

  it('a thread started before its files are known (while listing) reads them as one started with them; one not needed is stopped', async () => {
    const dir = writeKit(baseKit(), tmpDir('govmedia-read-early-'));
    const rels = new FsSource(dir).list('accounts').filter((e) => e.type === 'file').map((e) => e.rel);
    expect(rels.length).toBeGreaterThan(3);
    const started = ReadAhead.start(dir)!;
    expect(started.taken).toBe(false);
    // let it load its modules first, as it does while the register is listed
    await new Promise((r) => setTimeout(r, 50));
    const early = new ReadAhead(dir, rels, MAX_FILE_BYTES, started);
    expect(started.taken).toBe(true);
    for (const rel of rels) expect(early.take(rel)).toEqual({ text: readFileSync(path.join(dir, rel), 'utf8'), hint: expect.objectContaining(parseHint(readFileSync(path.join(dir, rel), 'utf8'))) });
    early.stop();
    // a thread for another folder is not used for this one (it is stopped, and a new one reads)
    const elsewhere = ReadAhead.start(tmpDir('govmedia-read-early-other-'))!;
    const exited = new Promise<number>((r) => elsewhere.worker.once('exit', r));
    const own = new ReadAhead(dir, rels, MAX_FILE_BYTES, elsewhere);
    expect(own.take(rels[0]!)).toEqual(expect.objectContaining({ text: readFileSync(path.join(dir, rels[0]!), 'utf8') }));
    own.stop();
    await exited;
    // FsSource starts one while listing a register large enough, and stops it when the load reads too few files to use it
    const src = new FsSource(dir, { readAheadMin: 1 });
    await src.listAhead('accounts');
    const kept = (src as unknown as { started?: { worker: { once(e: 'exit', f: (c: number) => void): void } } }).started;
    expect(kept).toBeDefined();
    const gone = new Promise<number>((r) => kept!.worker.once('exit', r));
    src.endReadAhead();
    await gone;
  });

  it('the load reads with the thread FsSource started while listing, not a second one started after', async () => {
    const dir = writeKit(baseKit(), tmpDir('govmedia-read-early-used-'));
    const src = new FsSource(dir, { readAheadMin: 1 });
    await src.listAhead('accounts');
    const rels = src.list('accounts').filter((e) => e.type === 'file').map((e) => e.rel);
    type Started = { worker: object; taken: boolean };
    const early = (src as unknown as { started?: Started }).started;
    expect(early).toBeDefined();
    expect(early!.taken).toBe(false);
    src.readAhead(rels, MAX_FILE_BYTES);
    // the early thread is given the files (it was stopped before, and a new thread started in its place)
    expect(early!.taken).toBe(true);
    const reading = (src as unknown as { ahead?: { worker?: object } }).ahead;
    expect(reading?.worker).toBe(early!.worker);
    for (const rel of rels.slice(0, 3)) expect(src.readText(rel, MAX_FILE_BYTES)).toBe(readFileSync(path.join(dir, rel), 'utf8'));
    src.endReadAhead();
  });

  it('a whole validation with the read-ahead equals one without it, hostile files included', async () => {
    const dir = writeKit(baseKit(), tmpDir('govmedia-read-ahead-reg-'));
    const accountFile = firstAccount(path.join(dir, 'accounts'));
    const unitDir = path.dirname(accountFile);
    const account = JSON.parse(readFileSync(accountFile, 'utf8')) as Record<string, unknown>;
    const put = (name: string, data: string | Buffer): void => writeFileSync(path.join(unitDir, name), data);
    put('x-bom.json', '\uFEFF' + JSON.stringify({ ...account, id: 'x-bom' }, null, 2));
    put('x-dup.json', JSON.stringify({ ...account, id: 'x-dup' }, null, 2).replace('"id": "x-dup",', '"id": "x-dup",\n  "id": "x-dup",'));
    const events = account.events as Record<string, unknown>[];
    const withNote = (id: string, note: string): string => JSON.stringify({ ...account, id, events: [{ ...events[0], note }, ...events.slice(1)] }, null, 2);
    put('x-secret.json', withNote('x-secret', '密码是 Abc12345'));
    // the same secret spelt with escapes (no 密 or 码 in the raw text)
    put('x-escaped.json', withNote('x-escaped', 'PLACEHOLDER').replace('PLACEHOLDER', '\\u5bc6\\u7801\\u662f Abc12345'));
    put('x-gbk.json', Buffer.concat([Buffer.from('{"id":"x-gbk","name":"'), Buffer.from([0xd7, 0xd4, 0xb9, 0xb1]), Buffer.from('"}')]));
    put('x-nul.json', Buffer.from('{"id":"x-nul"}\0'));
    // a real U+FFFD, written as valid UTF-8: not a byte-level problem, the account is judged as any other
    put('x-fffd.json', JSON.stringify({ ...account, id: 'x-fffd', name: `${String(account.name)}\uFFFD` }, null, 2));
    put('x-big.json', `{"id":"x-big","note":"${'长'.repeat(MAX_FILE_BYTES / 3 + 10)}"}`);
    put('x-syntax.json', '{"id": "x-syntax",, }');
    put('x-proto.json', JSON.stringify({ ...account, id: 'x-proto' }).replace('{', '{"__proto__":{"polluted":true},'));
    symlinkSync('x-secret.json', path.join(unitDir, 'x-link.json'));
    // misplaced structure files: refused by the load, whether read ahead or not
    mkdirSync(path.join(unitDir, 'inner', 'deeper'), { recursive: true });
    writeFileSync(path.join(unitDir, 'inner', 'deeper', 'unit.json'), '{"id":"deeper"}');
    put('region.json', '{"id":"x"}');
    const now = '2026-11-21';
    const plain = await validateSource(new FsSource(dir, { readAheadMin: Infinity }), { now, exceptionsDir: 'none', baselineFile: 'none' });
    const ahead = await validateSource(new FsSource(dir, { readAheadMin: 1 }), { now, exceptionsDir: 'none', baselineFile: 'none' });
    const strip = (r: typeof plain) => r.findings.map((f) => ({ ...f }));
    expect(strip(ahead)).toEqual(strip(plain));
    // the hostile files were judged, not skipped
    const rules = new Set(plain.findings.map((f) => `${path.basename(f.file)} ${f.ruleId}`));
    for (const want of ['region.json register/misplaced', 'unit.json register/misplaced', 'x-bom.json register/bom', 'x-escaped.json register/secret', 'x-dup.json register/duplicate-key', 'x-secret.json register/secret', 'x-gbk.json register/encoding', 'x-nul.json register/encoding', 'x-big.json register/file-too-large', 'x-syntax.json register/json-syntax', 'x-link.json register/symlink']) expect(rules, want).toContain(want);
    expect(ahead.summary).toEqual(plain.summary);
    expect(plain.findings.filter((f) => f.file.endsWith('/x-fffd.json') && f.ruleId === 'register/encoding')).toEqual([]);
    expect(plain.register.accounts.some((a) => a.id === 'x-fffd')).toBe(true);
  });
});

function firstAccount(accounts: string): string {
  const found = findFile(accounts, (p) => p.endsWith('.json') && !p.endsWith('/unit.json') && !p.endsWith('/region.json'));
  if (!found) throw new Error('no account in the fixture unit');
  return found;
}

function findFile(dir: string, ok: (p: string) => boolean): string | undefined {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) {
      const f = findFile(p, ok);
      if (f) return f;
    } else if (ok(p.split(path.sep).join('/'))) return p;
  }
  return undefined;
}
