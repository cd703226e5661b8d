/**
 * “原则上”的理由路径（scripts/policy/justification.ts）：按规则声明的 justification 判断一条检查结果是
 * “没有写明理由”还是“理由待主管单位同意”。在样例登记簿的副本上用真实的引擎检查；检查结果经过 JSON
 * （如同跨线程、跨进程传递）之后，按规则的消息模板仍能判断。
 *
 * The justification path as the clerk's tools read it, on a copy of the sample register with the real engine;
 * a finding that crossed a JSON boundary (as between threads or processes) is still read, by the rule's templates.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ENGINE_ROOT } from '../scripts/core/paths.ts';
import { FsSource } from '../scripts/core/source.ts';
import type { Finding } from '../scripts/core/finding.ts';
import type { AccountFile } from '../scripts/generated/types.ts';
import { validateSource } from '../scripts/pipeline/pipeline.ts';
import { justificationNeed } from '../scripts/policy/justification.ts';
import { tmpDir } from './helpers.ts';

const NOW = '2026-11-23';
const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A copy of the sample register where 六安市教育局's Douyin account is renamed 六安市教育局 (第十三条's pattern wants 发布). */
function renamed(justification?: string): string {
  const dir = tmpDir('govmedia-justification-');
  made.push(dir);
  cpSync(path.join(ENGINE_ROOT, 'accounts'), path.join(dir, 'accounts'), { recursive: true });
  // one account, so consistent names (应, no justification path) do not come into it
  rmSync(path.join(dir, 'accounts/anhui/luan/la-jyj/la-jyj-weixin.json'));
  const rel = path.join(dir, 'accounts/anhui/luan/la-jyj/la-jyj-douyin.json');
  const a = JSON.parse(readFileSync(rel, 'utf8')) as AccountFile;
  a.events.push({ type: '变更备案', date: NOW, reason: '账号定位调整为教育服务。', ...(justification ? { justification } : {}), unitDecision: { decision: '同意', date: NOW, by: '主要负责人' }, changes: [{ field: '账号名称', from: a.name, to: '六安市教育局' }], stillSupervised: true });
  a.name = '六安市教育局';
  writeFileSync(rel, JSON.stringify(a, null, 2) + '\n');
  return dir;
}

async function naming(dir: string): Promise<{ f: Finding; policies: Awaited<ReturnType<typeof validateSource>>['policies'] }> {
  const r = await validateSource(new FsSource(dir), { now: NOW });
  const f = r.findings.filter((x) => x.ruleId === 'luan-2021-148/naming-convention');
  expect(f.map((x) => `${x.file} ${x.message.zh}`)).toHaveLength(1);
  return { f: f[0]!, policies: r.policies };
}

describe('justificationNeed', () => {
  it('reads "no justification recorded" on the name, with the filings whose justification counts', async () => {
    const { f, policies } = await naming(renamed());
    expect(justificationNeed(f, policies)).toMatchObject({ need: 'missing', filings: ['开设备案', '补录备案', '变更备案'] });
    // across a JSON boundary the engine's side table is gone: the rule's templates still tell
    expect(justificationNeed(JSON.parse(JSON.stringify(f)) as Finding, policies)).toMatchObject({ need: 'missing' });
  });

  it('reads "awaiting the supervising office" once the change filing records one', async () => {
    const { f, policies } = await naming(renamed('名称与单位全称一致，便于群众检索。'));
    expect(f.message.zh).toContain('主管单位尚未审核同意');
    expect(justificationNeed(f, policies)).toMatchObject({ need: 'unapproved' });
    expect(justificationNeed(JSON.parse(JSON.stringify(f)) as Finding, policies)).toMatchObject({ need: 'unapproved' });
  });

  it('a rule without a justification path is none of its business: 六安 第十三条 names across platforms (应) prevail over the national 原则上', async () => {
    const dir = renamed();
    // la-jyj keeps its WeChat account 六安市教育局发布: the names differ across platforms
    cpSync(path.join(ENGINE_ROOT, 'accounts/anhui/luan/la-jyj/la-jyj-weixin.json'), path.join(dir, 'accounts/anhui/luan/la-jyj/la-jyj-weixin.json'));
    const r = await validateSource(new FsSource(dir), { now: NOW });
    const names = r.findings.filter((x) => x.ruleId.endsWith('/consistent-names-across-platforms'));
    // one finding: the local rule (应), with the national opinion's citation merged in
    expect(names.map((x) => x.ruleId)).toEqual(['luan-2021-148/consistent-names-across-platforms']);
    expect(names[0]!.alsoRules).toEqual(['national-2018-123/consistent-names-across-platforms']);
    expect(justificationNeed(names[0]!, r.policies)).toBeUndefined();
    expect(justificationNeed(JSON.parse(JSON.stringify(names[0]!)) as Finding, r.policies)).toBeUndefined();
  });
});
