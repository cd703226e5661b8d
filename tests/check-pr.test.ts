/**
 * 合并请求检查的端到端场景：每个场景是真实临时仓库中的一个分支（若干次提交），
 * 断言裁决、引入的问题（规则、位置、依据）、变更分类、审批和期限。
 * End-to-end PR scenarios on a real temporary repository (simple-git): a base branch, a PR
 * branch with commits, and the expected verdict and findings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, tmpDir } from './helpers.ts';
import { makeBaseRepo, openAccount, Repo, rules, runScenario, type ScenarioRun } from './pr-harness.ts';

let repo: Repo;
beforeAll(async () => {
  repo = await makeBaseRepo();
}, 120_000);

const TODAY = '2026-11-20';


function expectLocated(run: ScenarioRun, ruleId: string, file?: string): void {
  const f = run.json.findings.find((x) => x.ruleId === ruleId);
  expect(f, `finding ${ruleId} in ${JSON.stringify(run.json.findings.map((x) => x.ruleId))}`).toBeDefined();
  expect(f!.line).toBeGreaterThan(0);
  expect(f!.column).toBeGreaterThan(0);
  expect(f!.message).toMatch(/[\u4e00-\u9fff]/);
  if (file) expect(f!.file).toContain(file);
}

describe('check-pr: 綦江 (chongqing/qijiang)', () => {
  it('a pending opening progresses: review recorded by the unit needs the supervisor', async () => {
    const run = await runScenario(repo, [(r) => r.edit(r.find('qj-zf-douyin'), (a) => void a.events.push({ type: '平台注册', date: '2026-11-19' }))]);
    expect(run.json.verdict).toBe('pass');
    expect(run.json.changes.map((c) => c.kind)).toEqual(['progress']);
    expect(run.json.approvals.map((a) => a.role.zh)).toEqual(['主办单位“重庆市綦江区人民政府”']);
    expect(run.code).toBe(0);
  });

  it('outsourcing without a confidentiality agreement is rejected', async () => {
    const run = await runScenario(repo, [
      (r) =>
        r.edit(r.find('qj-gnjd-weixin'), (a) => {
          a.operatingMode = '购买服务';
          a.vendor = { name: '示例文化传媒有限公司（虚构）', confidentialityAgreement: { signed: false } };
          a.events.push({ type: '信息报备', date: '2026-11-19', changes: [{ field: '运营模式', from: '自营', to: '购买服务' }] });
        }),
    ]);
    expect(run.json.verdict).toBe('fail');
    expect(rules(run)).toEqual(['qijiang-current/outsourcing-vendor']);
    expectLocated(run, 'qijiang-current/outsourcing-vendor', 'qj-gnjd-weixin.json');
    expect(run.json.findings[0]!.citation).toContain('第二十条');
    expect(run.code).toBe(1);
  });

  it('a staff handover without changing the password is rejected', async () => {
    const run = await runScenario(repo, [(r) => r.edit(r.find('qj-zf-weibo'), (a) => void a.events.push({ type: '人员交接', date: '2026-11-19', handover: { fromRole: '经办人员', toRole: '经办人员', credentialsRotated: false } }))]);
    expect(run.json.verdict).toBe('fail');
    expect(rules(run)).toContain('qijiang-current/handover-credentials');
  });

  it('a closing account finishes: deregistration and national-system entry', async () => {
    const run = await runScenario(repo, [
      (r) =>
        r.edit(r.find('qj-gnjd-douyin'), (a) => {
          a.events.push({ type: '平台注销', date: '2026-11-18', evidence: [{ kind: '注销完成截图', ref: '档案 QJ-2026-118' }] }, { type: '系统填报', date: '2026-11-19', action: '关停' });
        }),
    ]);
    expect(run.json.verdict).toBe('pass');
    expect(run.json.changes[0]!.kind).toBe('closing');
    expect(run.json.approvals.some((a) => a.role.zh.startsWith('主管单位'))).toBe(true);
  });
});

describe('check-pr: 自贡 (sichuan/zigong)', () => {
  it('opening an account: approvals of the unit and the supervising office, the review deadline as a date, and the filing form', async () => {
    const forms = path.join(tmpDir(), 'forms');
    const run = await runScenario(repo, [(r) => void openAccount(r, 'zg-zfgjj-weixin', 'zg-zfgjj-douyin', { name: '自贡住房公积金', platform: '抖音', contentType: '音视频' })], { extraArgs: ['--forms', forms, '--visibility', 'private'] });
    const written = readdirSync(forms).sort();
    expect(written).toEqual(['zg-zfgjj-douyin-0-开设备案表.docx', 'zg-zfgjj-douyin-0-开设备案表.html']);
    expect(readFileSync(path.join(forms, 'zg-zfgjj-douyin-0-开设备案表.html'), 'utf8')).toContain('自贡市政务新媒体开设备案表');
    expect(run.json.verdict).toBe('pass');
    expect(run.json.changes.map((c) => c.kind)).toEqual(['open']);
    expect(run.json.approvals.map((a) => a.role.zh)).toEqual(['主办单位“自贡市住房公积金管理中心”', '主管单位“自贡市人民政府办公室”']);
    // filed on Thu 2026-11-19: 5 working days → Thu 2026-11-26
    const review = run.json.nextSteps.find((s) => s.text.includes('主管审核'));
    expect(review?.due).toBe('2026-11-26');
    expect(review?.citation).toContain('自府办函〔2021〕62号 第七条（三）');
  });

  it('a late review is the supervisor\'s, recorded truthfully: a warning that does not block the unit (10-10 make-up Saturday counts)', async () => {
    const run = await runScenario(repo, [
      (r) =>
        void openAccount(r, 'zg-zfgjj-weixin', 'zg-zfgjj-douyin', { name: '自贡住房公积金', platform: '抖音', contentType: '音视频' }, [
          { type: '开设备案', date: '2026-09-28', reason: '以短视频解读住房公积金政策，信息来源为本中心，由综合科每周更新。', unitDecision: { decision: '同意', date: '2026-09-28', by: '主要负责人' } },
          { type: '主管审核', date: '2026-10-12', decision: '同意', reviewer: '自贡市人民政府办公室', level: '同级' },
        ]),
    ]);
    const f = run.json.findings.find((x) => x.ruleId === 'zigong-2021-62/review-within-5-workdays');
    expect(f?.severity).toBe('warning');
    expect(run.json.findings.filter((x) => x.ruleId === 'zigong-2021-62/review-within-5-workdays' && x.severity === 'error')).toEqual([]);
    expect(f?.message).toContain('2026-10-10');
    expect(f?.message).toContain('主管单位');
    expect(f?.citation).toContain('自府办函〔2021〕62号 第七条（三）');
    expectLocated(run, 'zigong-2021-62/review-within-5-workdays', 'zg-zfgjj-douyin.json');
  });

  it('certification recorded before the supervising office approved is rejected', async () => {
    const run = await runScenario(repo, [
      (r) =>
        void openAccount(r, 'zg-zfgjj-weixin', 'zg-zfgjj-douyin', { name: '自贡住房公积金', platform: '抖音', contentType: '音视频' }, [
          { type: '开设备案', date: '2026-11-16', reason: '以短视频解读住房公积金政策，信息来源为本中心，由综合科每周更新。', unitDecision: { decision: '同意', date: '2026-11-16', by: '主要负责人' } },
          { type: '平台认证', date: '2026-11-17' },
        ]),
    ]);
    expect(run.json.verdict).toBe('fail');
    expect(rules(run)).toContain('zigong-2021-62/certification-after-approval');
  });
});

describe('check-pr: 六安 (anhui/luan)', () => {
  it('deregistering before the 30-working-day announcement ends is rejected', async () => {
    const run = await runScenario(repo, [(r) => r.edit(r.find('la-wjw-kuaishou'), (a) => void a.events.push({ type: '平台注销', date: '2026-11-18', evidence: [{ kind: '注销完成截图', ref: '档案 LA-2026-77' }] }))]);
    expect(run.json.verdict).toBe('fail');
    const f = run.json.findings.find((x) => x.ruleId === 'luan-2021-148/announcement-period');
    expect(f?.citation).toContain('六政办秘〔2021〕148号');
    expect(run.json.changes[0]!.kind).toBe('closing');
  });

  it('a closing account shows when the announcement period ends, as a date', async () => {
    const run = await runScenario(repo, [(r) => r.edit(r.find('la-wjw-kuaishou'), (a) => void (a.tags = ['待注销']))]);
    const step = run.json.nextSteps.find((s) => s.account === 'la-wjw-kuaishou' && s.text.includes('不早于'));
    expect(step?.due).toMatch(/^2026-1[12]-\d\d$/);
  });
});

describe('check-pr: 江苏 city (jiangsu/shili)', () => {
  it('deregistering before the 15-working-day announcement ends is rejected', async () => {
    const run = await runScenario(repo, [(r) => r.edit(r.find('sq-wjw-weibo'), (a) => void a.events.push({ type: '平台注销', date: '2026-11-19', evidence: [{ kind: '注销完成截图', ref: '档案 SQ-2026-31' }] }))]);
    expect(run.json.verdict).toBe('fail');
    expect(rules(run)).toContain('jiangsu-city-notice/announcement-period');
  });

  it('recording the supervising office\'s review needs the supervising office\'s approval', async () => {
    const run = await runScenario(repo, [(r) => r.edit(r.find('sq-jq-xnjd-weixin'), (a) => void a.events.push({ type: '主管审核', date: '2026-11-20', decision: '同意', reviewer: '示例市甲区人民政府办公室', level: '同级' }))]);
    expect(run.json.approvals.some((a) => a.role.zh.startsWith('主管单位'))).toBe(true);
  });
});

describe('check-pr: 辽宁 (province plan reaches 沈阳 and 大连)', () => {
  it('an app opened in 大连 without IPv6 breaks the province plan', async () => {
    const run = await runScenario(repo, [
      (r) =>
        void openAccount(r, 'dl-wlj-douyin', 'dl-wlj-app', {
          name: '大连文旅',
          platform: '移动客户端',
          app: { ipv6: false, agingFriendly: true, accessibility: true, serverLocation: { place: '大连市政务云', inRegion: true, abroad: false } },
        }),
    ]);
    expect(run.json.verdict).toBe('fail');
    expect(rules(run)).toContain('liaoning-2019-plan/app-requirements');
    expect(run.json.policies.map((p) => p.id)).toContain('liaoning-2019-plan');
    expect(run.json.changes[0]!.kind).toBe('open');
  });

  it('a second WeChat account of 沈阳教育局: 原则上 without an approved justification blocks under 国办发〔2018〕123号, citing 辽宁 too', async () => {
    const run = await runScenario(repo, [(r) => void openAccount(r, 'sy-jyj-weixin', 'sy-jyj-weixin2', { name: '沈阳教育', platform: '微信公众号', subType: '服务号' })]);
    // the local and the national clause find the same thing: one finding, an error, both citations
    const fs = run.json.findings.filter((x) => x.ruleId.endsWith('/one-account-per-platform'));
    expect(fs).toHaveLength(1);
    expect(fs[0]!.severity).toBe('error');
    expect(fs[0]!.citation).toContain('国办发〔2018〕123号 四、（一）开设整合');
    expect(fs[0]!.citation).toContain('辽政办发〔2019〕24号 三、（一）规范开设整合');
    expect(run.json.verdict).toBe('fail');
  });

  it('a host-unit change moving the account between folders with a change filing passes', async () => {
    const run = await runScenario(repo, [
      (r) => {
        const from = r.find('dl-tsg-weixin');
        const to = from.replace('/dl-tsg/', '/dl-wlj/').replace('dl-tsg-weixin', 'dl-tsg-weixin');
        r.mv(from, to);
        r.edit(to, (a) => {
          a.hostUnit = 'dl-wlj';
          a.events.push(
            { type: '变更备案', date: '2026-11-16', reason: '图书馆账号划转市文化和旅游局统一运营。', unitDecision: { decision: '同意', date: '2026-11-16', by: '主要负责人' }, changes: [{ field: '主办单位', from: '大连图书馆', to: '大连市文化和旅游局' }] },
            { type: '变更公告', date: '2026-11-17', evidence: [{ kind: '公告链接', ref: 'https://example.gov.cn/dl/notice' }] },
          );
        });
      },
    ]);
    expect(run.json.changes.map((c) => c.kind)).toEqual(['key-change']);
    expect(run.json.approvals.map((a) => a.role.zh)).toEqual(expect.arrayContaining(['主办单位“大连市文化和旅游局”', '原主办单位“大连图书馆”']));
    expect(rules(run)).not.toContain('pr/move-without-filing');
  });

  it('moving an account to another unit without a filing is illegal', async () => {
    const run = await runScenario(repo, [
      (r) => {
        const from = r.find('sy-gjj-weixin');
        const to = from.replace('/sy-gjj/', '/sy-szf/');
        r.mv(from, to);
        r.edit(to, (a) => void (a.hostUnit = 'sy-szf'));
      },
    ]);
    expect(run.json.verdict).toBe('fail');
    expectLocated(run, 'pr/move-without-filing', 'sy-szf/sy-gjj-weixin.json');
  });
});

describe('check-pr: illegal changes anywhere', () => {
  it('deleting an account file', async () => {
    const run = await runScenario(repo, [(r) => r.rm(r.find('ln-szf-weibo'))]);
    expect(run.json.verdict).toBe('fail');
    expect(rules(run)).toEqual(['pr/deleted-account']);
  });

  it('editing a past event', async () => {
    const run = await runScenario(repo, [(r) => r.edit(r.find('qj-zf-weibo'), (a) => void (a.events[0]!.reason = '改写过的理由'))]);
    expect(run.json.verdict).toBe('fail');
    expectLocated(run, 'pr/past-event-changed', 'qj-zf-weibo.json');
  });

  it('removing a past event', async () => {
    const run = await runScenario(repo, [(r) => r.edit(r.find('ln-szf-weixin'), (a) => void a.events.pop())]);
    expect(rules(run)).toContain('pr/past-event-changed');
  });

  it('a key change (name) without a change filing', async () => {
    const run = await runScenario(repo, [(r) => r.edit(r.find('sy-szf-douyin'), (a) => void (a.name = '沈阳发布'))]);
    expect(run.json.verdict).toBe('fail');
    const f = run.json.findings.find((x) => x.ruleId === 'pr/key-change-without-filing');
    expect(f?.message).toContain('由“沈阳市人民政府”变更为“沈阳发布”');
  });

  it('a new account file that does not start with a filing', async () => {
    const run = await runScenario(repo, [(r) => void openAccount(r, 'qj-zf-weibo', 'qj-zf-kuaishou', { name: '綦江发布', platform: '快手' }, [{ type: '平台认证', date: '2026-11-19' }])]);
    expect(rules(run)).toContain('pr/new-account-without-filing');
  });

  it('a file outside the register tree', async () => {
    const run = await runScenario(repo, [(r) => r.write('notes/备忘.txt', '临时笔记')]);
    expect(run.json.verdict).toBe('fail');
    expect(rules(run)).toEqual(['pr/outside-tree']);
  });

  it('a broken JSON file is located and blocks', async () => {
    const run = await runScenario(repo, [(r) => r.write(r.find('dl-wlj-douyin'), '{\n  "id": "dl-wlj-douyin",\n  "name": "大连文旅"\n')]);
    expect(run.json.verdict).toBe('fail');
    const f = run.json.findings.find((x) => x.ruleId === 'register/json-syntax');
    expect(f).toMatchObject({ line: 4, column: 1 });
    expect(f!.message).toContain('截断');
  });
});

describe('check-pr: the judge cannot be edited by the judged', () => {
  it('a rules-only change passes the check and needs the maintainers', async () => {
    const run = await runScenario(repo, [(r) => r.write('docs/说明.md', '# 说明\n')]);
    expect(run.json.verdict).toBe('pass');
    expect(run.json.approvals.map((a) => a.role.zh)).toEqual(['本库维护者']);
  });

  it('a PR mixing a rules change with an account change is rejected', async () => {
    const run = await runScenario(repo, [
      (r) => r.write('policies/README.md', '# 办法\n'),
      (r) => r.edit(r.find('qj-zf-douyin'), (a) => void a.events.push({ type: '平台注册', date: '2026-11-19' })),
    ]);
    expect(run.json.verdict).toBe('fail');
    expect(rules(run)).toContain('pr/mixed-rules-and-data');
  });

  it('rule tampering: a PR that loosens a rule and adds an account relying on it is judged by the base rules', async () => {
    const run = await runScenario(
      repo,
      [
        // loosen: 綦江's outsourcing rule no longer asks for a confidentiality agreement
        (r) => {
          const f = 'policies/chongqing/qijiang/current/rules/outsourcing-vendor.ts';
          const text = readFileSync(r.abs(f), 'utf8');
          r.write(f, text.replace(/requireAgreement:\s*true/, 'requireAgreement: false').replace("outsourcing({", 'outsourcing({ requireAgreement: false,'));
        },
        // and rely on it
        (r) =>
          r.edit(r.find('qj-wjw-douyin'), (a) => {
            if (a.vendor) a.vendor.confidentialityAgreement = { signed: false };
            a.events.push({ type: '信息报备', date: '2026-11-19', changes: [{ field: '服务外包单位', from: '已签保密协议', to: '协议到期未续签' }] });
          }),
      ],
      { engine: 'base' },
    );
    expect(run.json.verdict).toBe('fail');
    expect(rules(run)).toEqual(expect.arrayContaining(['pr/mixed-rules-and-data', 'qijiang-current/outsourcing-vendor']));
    expect(run.json.policies.map((p) => p.id)).toContain('qijiang-current');
  }, 120_000);

  it('with --engine base the summary names the base commit as the judge', async () => {
    const summary = path.join(tmpDir(), 'summary.md');
    const record = path.join(tmpDir(), 'record.json');
    const run = await runScenario(repo, [(r) => r.edit(r.find('qj-zf-douyin'), (a) => void a.events.push({ type: '平台注册', date: '2026-11-19' }))], { engine: 'base', extraArgs: ['--summary', summary, '--record', record] });
    expect(run.json.verdict).toBe('pass');
    const md = readFileSync(summary, 'utf8');
    expect(md).toContain('<!-- govmedia-pr-check -->');
    expect(md).toContain('目标分支（基准）上的版本');
    const rec = JSON.parse(readFileSync(record, 'utf8')) as { engine: { source: string; commit: string }; base: { commit: string }; verdict: { result: string }; policies: unknown[] };
    expect(rec.engine.source).toBe('base');
    expect(rec.engine.commit).toBe(rec.base.commit);
    expect(rec.verdict.result).toBe('pass');
    expect(rec.policies.length).toBeGreaterThan(0);
  }, 120_000);
});

describe('check-pr: findings already on the base do not block', () => {
  it('a pre-existing problem is listed apart and an unrelated PR passes', async () => {
    const run = await runScenario(repo, [(r) => r.edit(r.find('qj-zf-douyin'), (a) => void a.events.push({ type: '平台注册', date: '2026-11-19' }))], {
      prepareMain: (r) =>
        r.edit(r.find('qj-zf-weibo'), (a) => {
          a.operatingMode = '购买服务';
          a.vendor = { name: '示例传媒（虚构）', confidentialityAgreement: { signed: false } };
        }),
    });
    expect(run.json.verdict).toBe('pass');
    expect(run.json.preexisting.map((f) => f.ruleId)).toContain('qijiang-current/outsourcing-vendor');
    expect(run.json.findings).toEqual([]);
  });
});

describe('check-pr: guards', () => {
  it('closing more than 30% of a region\'s accounts needs the override label', async () => {
    const close = (r: Repo): void => {
      for (const id of ['qj-zf-weibo', 'qj-zf-weixin', 'qj-gnjd-weixin', 'qj-wjw-douyin']) {
        r.edit(r.find(id), (a) => void a.events.push({ type: '关停备案', date: '2026-11-19', reason: '机构改革，账号整合至区级统一账号。', unitDecision: { decision: '同意', date: '2026-11-19', by: '主要负责人' } }));
      }
    };
    const blocked = await runScenario(repo, [close]);
    expect(rules(blocked)).toContain('pr/bulk-change');
    expect(blocked.json.verdict).toBe('fail');
    const allowed = await runScenario(repo, [close], { labels: ['govmedia/bulk-change'] });
    expect(rules(allowed)).not.toContain('pr/bulk-change');
  });
});

describe('check-pr: outputs', () => {
  it('Markdown summary reads in domain words; GitLab report and annotations are produced', async () => {
    const dir = tmpDir();
    const summary = path.join(dir, 'summary.md');
    const gitlab = path.join(dir, 'gl.json');
    const run = await runScenario(
      repo,
      [
        (r) => r.edit(r.find('sy-szf-douyin'), (a) => void (a.name = '沈阳发布')),
        (r) => r.rm(r.find('ln-szf-weibo')),
      ],
      { extraArgs: ['--summary', summary, '--gitlab', gitlab] },
    );
    const md = readFileSync(summary, 'utf8');
    expect(md).toContain('## 政务新媒体备案检查：❌ 不能合并');
    expect(md).toContain('账号名称由“沈阳市人民政府”变更为“沈阳发布”');
    expect(md).toContain('### 需要的审批');
    expect(md).toContain('依据');
    const gl = JSON.parse(readFileSync(gitlab, 'utf8')) as { check_name: string; severity: string; location: { path: string; lines: { begin: number } } }[];
    expect(gl.map((x) => x.check_name).sort()).toEqual(run.json.findings.map((f) => f.ruleId).sort());
    expect(gl[0]!.location.lines.begin).toBeGreaterThan(0);
  });

  it('GitHub annotations stop at 10 per level and point to the summary for the rest', async () => {
    const out = await runScenario(
      repo,
      [
        (r) => {
          for (const id of ['qj-zf-weibo', 'qj-zf-weixin', 'qj-zf-toutiao', 'qj-gnjd-weixin', 'qj-gnjd-weibo', 'qj-wjw-douyin', 'qj-wjw-weixin', 'qj-ghzy-weixin', 'dl-wlj-douyin', 'dl-szf-weixin', 'sy-szf-weixin', 'ln-szf-weixin']) r.edit(r.find(id), (a) => void (a.events[0]!.date = '2018-01-01'));
        },
      ],
      { extraArgs: ['--annotations'] },
    );
    const lines = out.out.split('\n').filter((l) => l.startsWith('::'));
    expect(lines.filter((l) => l.startsWith('::error ')).length).toBe(10);
    expect(lines.some((l) => l.startsWith('::notice::') && l.includes('检查摘要'))).toBe(true);
    expect(lines[0]).toMatch(/^::error file=accounts\/[^,]+,line=\d+,col=\d+,title=/);
  });

  it('usage errors exit 2 without a stack trace', async () => {
    for (const args of [['check-pr'], ['check-pr', '--base', 'main'], ['check-pr', '--base', 'nope', '--head', 'main', '--repo', repo.dir], ['check-pr', '--base', 'main', '--head', 'main', '--repo', tmpDir()], ['check-pr', '--base', 'main', '--head', 'main', '--repo', repo.dir, '--format', 'pdf']]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });
});

describe('check-pr: what the check reads of a large register (the merge base listed once, the head derived from it)', () => {
  it('an account copied into a unit folder far away under the same id is a duplicate the PR introduces, found though the other folder is not read', async () => {
    const run = await runScenario(repo, [
      (r) => {
        const a = r.read(r.find('qj-zf-douyin'));
        r.write('accounts/sichuan/zigong/ziliujing/zlj-qzf/qj-zf-douyin.json', { ...a, hostUnit: 'zlj-qzf' });
      },
    ]);
    const dup = run.json.findings.find((f) => f.ruleId === 'register/duplicate-id');
    expect(dup, JSON.stringify(run.json.findings.map((f) => f.ruleId))).toBeDefined();
    expect(dup!.file).toBe('accounts/sichuan/zigong/ziliujing/zlj-qzf/qj-zf-douyin.json');
    expect(dup!.message).toContain('accounts/chongqing/qijiang/qj-zf/qj-zf-douyin.json');
    expect(run.json.verdict).toBe('fail');
    expect(run.code).toBe(1);
  });

  it('a unit.json changed, an account deleted and one renamed in the same PR: each judged at the head as git lists it', async () => {
    const run = await runScenario(repo, [
      (r) => {
        r.edit<{ name: string }>('accounts/chongqing/qijiang/qj-zf/unit.json', (u) => void (u.name = `${u.name}（改）`));
        r.rm(r.find('qj-gnjd-weixin'));
        r.mv(r.find('qj-zf-douyin'), 'accounts/chongqing/qijiang/qj-zf/qj-zf-douyin2.json');
      },
    ]);
    const kinds = run.json.changes.map((c) => c.kind).sort();
    expect(kinds).toContain('unit-change');
    // the renamed file no longer matches its id: located at its new path
    const idPath = run.json.findings.find((f) => f.ruleId === 'register/id-path');
    expect(idPath?.file).toBe('accounts/chongqing/qijiang/qj-zf/qj-zf-douyin2.json');
    expect(idPath?.message).toContain('qj-zf-douyin2.json');
    expect(run.json.verdict).toBe('fail');
  });
});

export { TODAY };
