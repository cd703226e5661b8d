/**
 * 依据按地区：模式错误引用要求该字段的地方办法条款（或国办发〔2018〕123号、本库数据标准）；
 * 各模块 basis.ts 中的条款摘录都能在原文中找到。
 * Per-jurisdiction provenance: a schema error cites the article that requires the field in the
 * file's region; every quote a module's basis.ts gives is found in its source text.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FsSource } from '../scripts/core/source.ts';
import { validateSource } from '../scripts/pipeline/pipeline.ts';
import { FixtureKit } from '../scripts/dev/fixture.ts';
import { loadPolicies } from '../scripts/policy/loader.ts';
import { basisOf, REGISTER_STANDARD_DOC, type PolicyBasis } from '../scripts/policy/basis.ts';
import type { Citation, Finding } from '../scripts/core/finding.ts';
import { ENGINE_ROOT, tmpDir, writeKit } from './helpers.ts';

const NOW = '2026-11-20';
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Four regions: 自贡 and 六安 (local modules that list fields), 綦江 (a module that lists none), and one with no local module. */
function register(): { dir: string; file: (id: string) => string } {
  const k = new FixtureKit();
  k.region('', { name: '全国', level: '国家', policies: ['national'] });
  k.region('sichuan', { name: '四川省', level: '省级' });
  k.region('sichuan/zigong', { name: '四川省自贡市', level: '市级', supervisingOffice: 'zg-bgs', policies: ['sichuan/zigong'] });
  k.unit('sichuan/zigong', { id: 'zg-bgs', name: '自贡市人民政府办公室', kind: '政府办公室' });
  k.unit('sichuan/zigong', { id: 'zg-wjw', name: '自贡市卫生健康委员会', kind: '政府部门' });
  k.account('zg-wjw', { id: 'zg-wjw-weixin', name: '健康自贡', platform: '微信公众号' });
  k.region('anhui', { name: '安徽省', level: '省级' });
  k.region('anhui/luan', { name: '安徽省六安市', level: '市级', supervisingOffice: 'la-bgs', policies: ['anhui/luan'] });
  k.unit('anhui/luan', { id: 'la-bgs', name: '六安市人民政府办公室', kind: '政府办公室' });
  k.unit('anhui/luan', { id: 'la-wjw', name: '六安市卫生健康委员会', kind: '政府部门' });
  k.account('la-wjw', { id: 'la-wjw-weixin', name: '健康六安', platform: '微信公众号' });
  k.region('chongqing', { name: '重庆市', level: '省级' });
  k.region('chongqing/qijiang', { name: '重庆市綦江区', level: '县级', supervisingOffice: 'qj-bgs', policies: ['chongqing/qijiang'] });
  k.unit('chongqing/qijiang', { id: 'qj-bgs', name: '綦江区人民政府办公室', kind: '政府办公室' });
  k.unit('chongqing/qijiang', { id: 'qj-wjw', name: '綦江区卫生健康委员会', kind: '政府部门' });
  k.account('qj-wjw', { id: 'qj-wjw-weixin', name: '健康綦江', platform: '微信公众号' });
  k.region('hubei', { name: '湖北省（虚构样例）', level: '省级', supervisingOffice: 'hb-bgs' });
  k.unit('hubei', { id: 'hb-bgs', name: '某省人民政府办公厅（虚构）', kind: '政府办公室' });
  k.unit('hubei', { id: 'hb-wjw', name: '某省卫生健康委员会（虚构）', kind: '政府部门' });
  k.account('hb-wjw', { id: 'hb-wjw-weixin', name: '健康某省', platform: '微信公众号' });
  const dir = writeKit(k, tmpDir());
  dirs.push(dir);
  return { dir, file: (id) => path.join(dir, 'accounts', k.accountPath(id)) };
}

function edit(file: string, f: (a: Record<string, unknown>) => void): void {
  const a = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  f(a);
  writeFileSync(file, JSON.stringify(a, null, 2) + '\n');
}

const schemaOf = (fs: Finding[], account: string, needle: string): Finding | undefined => fs.find((f) => f.ruleId === 'register/schema' && f.file.endsWith(`/${account}.json`) && f.message.zh.includes(needle));
const cited = (c: Citation | undefined): string => (c ? `${c.doc} ${c.article}` : '');

describe('a schema error cites the article that requires the field in its region', () => {
  it('the same missing field cites 自贡 in 自贡, 六安 in 六安, the national opinion where the local module lists no fields or none is bound', async () => {
    const r = register();
    for (const id of ['zg-wjw-weixin', 'la-wjw-weixin', 'qj-wjw-weixin', 'hb-wjw-weixin']) edit(r.file(id), (a) => void delete a.name);
    const { findings } = await validateSource(new FsSource(r.dir), { now: NOW });
    const zg = schemaOf(findings, 'zg-wjw-weixin', '缺少必填字段“name”');
    const la = schemaOf(findings, 'la-wjw-weixin', '缺少必填字段“name”');
    const qj = schemaOf(findings, 'qj-wjw-weixin', '缺少必填字段“name”');
    const hb = schemaOf(findings, 'hb-wjw-weixin', '缺少必填字段“name”');
    expect(cited(zg?.citation)).toBe('自府办函〔2021〕62号 第七条第（四）项、附件1');
    expect(zg?.citation?.quote).toContain('媒体名称');
    expect(cited(la?.citation)).toBe('六政办秘〔2021〕148号 第十四条');
    expect(la?.citation?.quote).toContain('账号名称');
    expect(cited(qj?.citation)).toBe('国办发〔2018〕123号 四、（一）开设整合');
    expect(cited(hb?.citation)).toBe('国办发〔2018〕123号 四、（一）开设整合');
    expect(hb?.citation?.quote).toContain('政务新媒体名称应简洁规范');
  });

  it('a field no measure requires cites the register data standard, in every region', async () => {
    const r = register();
    for (const id of ['zg-wjw-weixin', 'hb-wjw-weixin']) edit(r.file(id), (a) => void (a.remark = '备注'));
    const { findings } = await validateSource(new FsSource(r.dir), { now: NOW });
    for (const id of ['zg-wjw-weixin', 'hb-wjw-weixin']) {
      const f = schemaOf(findings, id, '不认识的字段“remark”');
      expect(f?.citation?.doc, id).toBe(REGISTER_STANDARD_DOC);
      expect(f?.citation?.article).toBe('第一条（字段）');
    }
    // the standard is a document of the register
    expect(readFileSync(path.join(ENGINE_ROOT, 'schemas', 'README.md'), 'utf8')).toContain('**第一条（字段）**');
  });

  it('a nested field cites the most specific declaration: a 自贡 change event cites 附件3, a 六安 team member phone 第十四条', async () => {
    const r = register();
    edit(r.file('zg-wjw-weixin'), (a) => void (a.events as Record<string, unknown>[]).push({ type: '变更备案', date: '2026-11-02', reason: '更名', changes: [{ field: '账号名称', from: '健康自贡' }] }));
    edit(r.file('la-wjw-weixin'), (a) => void ((a.team as { principal: Record<string, unknown> }).principal.mobile = '12345'));
    const { findings } = await validateSource(new FsSource(r.dir), { now: NOW });
    expect(cited(schemaOf(findings, 'zg-wjw-weixin', '缺少必填字段“to”')?.citation)).toBe('自府办函〔2021〕62号 第十七条、附件3');
    expect(cited(schemaOf(findings, 'la-wjw-weixin', 'mobile')?.citation)).toBe('六政办秘〔2021〕148号 第十四条');
  });

  it('the JSON and the English text output print the same citation', async () => {
    const r = register();
    edit(r.file('la-wjw-weixin'), (a) => void delete a.name);
    const { cli } = await import('./helpers.ts');
    const out = await cli(['validate', '--root', r.dir, '--now', NOW, '--format', 'json']);
    expect(out.code).toBe(1);
    const j = JSON.parse(out.out) as { findings: { ruleId: string; file: string; citation: string | null }[] };
    const f = j.findings.find((x) => x.ruleId === 'register/schema' && x.file.endsWith('la-wjw-weixin.json'));
    expect(f?.citation).toBe('六政办秘〔2021〕148号 第十四条');
    const en = await cli(['validate', '--root', r.dir, '--now', NOW, '--lang', 'en']);
    expect(en.out).toContain('is missing required property "name"');
    expect(en.out).toContain('source: 六政办秘〔2021〕148号 第十四条');
  });
});

/** The seeds and reference texts live beside the checkout (../shared, or ../../shared for a worktree). */
const SHARED = [path.join(ENGINE_ROOT, '..', 'shared'), path.join(ENGINE_ROOT, '..', '..', 'shared')].find((d) => existsSync(path.join(d, 'seeds')));

describe('every basis.ts quote is found in its source text', () => {
  it.skipIf(!SHARED)('each module declares its quotes verbatim (ignoring punctuation and elisions)', async () => {
    const norm = (s: string): string => s.replace(/[\s,，;；:：。、“”"‘’'（）()《》〈〉.．]/g, '');
    const policies = await loadPolicies(ENGINE_ROOT);
    const withBasis = policies.filter((p) => basisOf(p));
    expect(withBasis.map((p) => p.manifest.id).sort()).toEqual(['jiangsu-city-notice', 'liaoning-2019-plan', 'luan-2021-148', 'national-2018-123', 'qijiang-current', 'zigong-2021-62']);
    for (const p of withBasis) {
      const src = readFileSync(path.join(SHARED!, p.manifest.source.replace(/^shared\//, '').split(/[；;]/)[0]!.trim()), 'utf8');
      const text = norm(src);
      const b = basisOf(p) as PolicyBasis;
      const cs: Citation[] = [...(b.fields ?? []).map((x) => x.citation), ...Object.values(b.approvals ?? {}).filter((c): c is Citation => !!c)];
      expect(cs.length, p.manifest.id).toBeGreaterThan(0);
      for (const c of cs) {
        expect(c.doc, p.manifest.id).toBe(p.manifest.docNumber);
        // 附件1's field list is a form, quoted after its own label
        for (const part of (c.quote ?? '').split(/……|；附件\d 开设备案表：/)) {
          const words = part.split(' ').filter(Boolean);
          for (const w of words) expect(text, `${p.manifest.id} ${c.article}: ${w}`).toContain(norm(w));
        }
      }
    }
  });
});
