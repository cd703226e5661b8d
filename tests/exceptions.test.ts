/**
 * 经审核的规则例外：有效期内的匹配结果标为“按例外放行”（仍然列出），到期后响亮报错；
 * 合并请求检查中，例外来自基准分支（合并请求不能给自己开例外）。
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateSource } from '../scripts/pipeline/pipeline.ts';
import { FsSource } from '../scripts/core/source.ts';
import { ENGINE_ROOT, tmpDir, writeKit } from './helpers.ts';
import { FixtureKit } from '../scripts/dev/fixture.ts';
import { loadPolicies } from '../scripts/policy/loader.ts';
import { makeBaseRepo, runScenario } from './pr-harness.ts';
import { fixtureOf } from './support/cases.ts';

const policies = await loadPolicies(ENGINE_ROOT);
const zigong = policies.find((p) => p.manifest.id === 'zigong-2021-62')!;
const zigongFixture = (await fixtureOf(zigong))!;

/** A 自贡 register where the department runs two live WeChat accounts (a legacy case). */
function legacyKit(): FixtureKit {
  const k = new FixtureKit();
  zigongFixture(k);
  k.account('dept', { id: 'dept-weixin-old', name: k.get('dept-weixin').name, platform: '微信公众号', events: k.get('dept-weixin').events.map((e) => ({ ...e })) });
  return k;
}

function exceptionDir(expires: string, extra: Record<string, unknown> = {}): string {
  const dir = path.join(tmpDir(), 'exceptions');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'zg-legacy-weixin.json'),
    JSON.stringify({ $schema: '../../schemas/exception.schema.json', id: 'zg-legacy-weixin', rule: 'zigong-2021-62/one-account-per-platform', account: 'dept-weixin-old', reason: '该账号开设于本办法施行之前，已列入2027年整合计划。', approver: '自贡市人民政府办公室（示例批复）', approvedOn: '2026-01-05', expires, ...extra }, null, 2),
  );
  return dir;
}

describe('reviewed exceptions', () => {
  it('a live exception marks the finding as skipped, not dropped', async () => {
    const dir = writeKit(legacyKit());
    const res = await validateSource(new FsSource(dir), { engineRoot: ENGINE_ROOT, now: '2026-11-20', policies: [zigong], exceptionsDir: exceptionDir('2027-12-31') });
    const f = res.findings.find((x) => x.ruleId === 'zigong-2021-62/one-account-per-platform');
    expect(f?.suppressed).toEqual({ by: 'zg-legacy-weixin', reason: '该账号开设于本办法施行之前，已列入2027年整合计划。', expires: '2027-12-31' });
    expect(res.summary.suppressed).toBe(1);
    expect(res.findings.filter((x) => !x.suppressed && x.severity !== 'notice')).toEqual([]);
  });

  it('an expired exception is itself an error, and the finding counts again', async () => {
    const dir = writeKit(legacyKit());
    const res = await validateSource(new FsSource(dir), { engineRoot: ENGINE_ROOT, now: '2026-11-20', policies: [zigong], exceptionsDir: exceptionDir('2026-06-30') });
    const expired = res.findings.find((x) => x.ruleId === 'register/exception-expired');
    expect(expired?.message.zh).toContain('已于 2026-06-30 到期');
    expect(expired?.file).toMatch(/zg-legacy-weixin\.json$/);
    expect(expired?.line).toBeGreaterThan(1);
    const f = res.findings.find((x) => x.ruleId === 'zigong-2021-62/one-account-per-platform');
    expect(f?.suppressed).toBeUndefined();
  });

  it('a malformed exception file is located', async () => {
    const dir = writeKit(legacyKit());
    const res = await validateSource(new FsSource(dir), { engineRoot: ENGINE_ROOT, now: '2026-11-20', policies: [zigong], exceptionsDir: exceptionDir('2026-13-40') });
    const bad = res.findings.find((x) => x.ruleId === 'register/schema' && x.file.endsWith('zg-legacy-weixin.json'));
    expect(bad?.message.zh).toContain('不是有效日期');
  });

  it('in a PR check the exceptions come from the base branch: a legacy account does not block an unrelated change', async () => {
    const repo = await makeBaseRepo();
    const run = await runScenario(
      repo,
      [(r) => r.edit(r.find('zg-sgaj-weibo'), (a) => void a.events.push({ type: '信息报备', date: '2026-11-19', changes: [{ field: '联系电话', from: '旧号码', to: '新号码' }] }))],
      {
        engine: 'base',
        prepareMain: (r) => {
          // a legacy second live Weibo account of 市公安局 and its reviewed exception, both on the base
          r.write(r.find('zg-sgaj-weibo').replace('zg-sgaj-weibo', 'zg-sgaj-weibo2'), { ...(r.read(r.find('zg-sgaj-weibo')) as object), id: 'zg-sgaj-weibo2' });
          r.write('policies/exceptions/zg-sgaj-weibo2.json', { $schema: '../../schemas/exception.schema.json', id: 'zg-sgaj-weibo2', rule: 'zigong-2021-62/one-account-per-platform', account: 'zg-sgaj-weibo2', reason: '历史遗留的第二个微博账号，已列入整合计划。', approver: '自贡市人民政府办公室（示例批复）', approvedOn: '2026-01-05', expires: '2027-12-31' });
        },
      },
    );
    expect(run.json.verdict).toBe('pass');
    // 自贡 and 国办发〔2018〕123号 find the same thing; the one merged finding is suppressed by the 自贡 exception
    expect(run.json.suppressed.map((f) => f.ruleId)).toContain('zigong-2021-62/one-account-per-platform');
    expect(run.json.findings.map((f) => f.ruleId)).not.toContain('national-2018-123/one-account-per-platform');
  }, 120_000);
});
