/**
 * 对抗测试一：什么是登记簿。accounts/ 下每个文件要么是登记簿文件，要么被拒绝；账号文件以任何方式
 * 离开账号集合（删除、改成任何名字、移出 accounts/、被文件夹或链接取代）都是删除，除非是办理了
 * 主办单位变更备案的迁移。check-pr 与 audit 共用这条规则。.gitattributes 不得放在 accounts/ 下。
 *
 * Adversarial suite, part 1: what the register is (issue 12, items 1 and 4), on real temporary
 * Git repositories; each scenario asserts the verdict and the finding (rule id and message).
 */
import { rmSync, symlinkSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountSetDiff } from '../../scripts/pr/classify.ts';
import { makeBaseRepo } from '../pr-harness.ts';
import { approvers, editAccount, expectAuditBroken, expectPassed, expectRefused, runAudit, runScenario, unitDirOfAccount, type Repo } from './integrity-harness.ts';

let repo: Repo;

beforeAll(async () => {
  repo = await makeBaseRepo();
}, 300_000);

afterAll(() => {
  if (repo) rmSync(repo.dir, { recursive: true, force: true });
});

const DELETED = { rule: 'pr/deleted-account' };
const LEFT = '离开了账号集合';

describe('an account that leaves the account set by any route is a deletion (check-pr)', () => {
  const renames: [string, (r: Repo, from: string) => string][] = [
    ['README.md in its unit folder', (_r, from) => `${from.slice(0, from.lastIndexOf('/'))}/README.md`],
    ['.gitkeep in its region folder', (_r, from) => `${from.split('/').slice(0, 3).join('/')}/.gitkeep`],
    ['.gitkeep at the top of accounts/', () => 'accounts/.gitkeep'],
    ['docs/ (a maintainers\' folder)', () => 'docs/archive/zg-swjw-weibo.json'],
    ['tests/ (a maintainers\' folder)', () => 'tests/fixtures/zg-swjw-weibo.json'],
    ['another id in the same unit', (_r, from) => from.replace('zg-swjw-weibo.json', 'zg-swjw-weibo2.json')],
    ['a backup name (.json.bak)', (_r, from) => `${from}.bak`],
    ['an upper-case extension (.JSON)', (_r, from) => from.replace(/\.json$/, '.JSON')],
    ['a name without extension', (_r, from) => from.replace(/\.json$/, '')],
    ['the top of the repository', () => 'zg-swjw-weibo.json'],
  ];
  for (const [label, to] of renames) {
    it(`renamed to ${label}`, async () => {
      let target = '';
      const run = await runScenario(repo, [
        (r) => {
          const from = r.find('zg-swjw-weibo');
          target = to(r, from);
          r.mv(from, target);
        },
      ]);
      expectRefused(run, { ...DELETED, file: 'zg-swjw-weibo.json', text: LEFT });
      const f = run.json.findings.find((x) => x.ruleId === 'pr/deleted-account')!;
      expect(f.message).toContain(`被改名或移动为“${target}”`);
    });
  }

  it('replaced by a folder of the same name', async () => {
    const run = await runScenario(repo, [
      (r) => {
        const p = r.find('zg-swjw-weibo');
        const doc = r.read(p);
        r.rm(p);
        r.write(`${p}/zg-swjw-weibo.json`, doc);
      },
    ]);
    expectRefused(run, { ...DELETED, file: 'zg-swjw/zg-swjw-weibo.json', text: LEFT }, { rule: 'register/stray-file', text: '文件夹名“zg-swjw-weibo.json”不合规范' });
  });

  it('replaced by a symbolic link to another account', async () => {
    const run = await runScenario(repo, [
      (r) => {
        const p = r.find('zg-swjw-weibo');
        r.rm(p);
        symlinkSync('zg-swjw-weixin.json', r.abs(p));
      },
    ]);
    expectRefused(run, { ...DELETED, file: 'zg-swjw-weibo.json' }, { rule: 'register/symlink', file: 'zg-swjw-weibo.json', text: '符号链接', cited: false });
  });

  it('deleted, with its content re-added under another id', async () => {
    const run = await runScenario(repo, [
      (r) => {
        const p = r.find('zg-swjw-weibo');
        const doc = r.read(p);
        r.rm(p);
        r.write(p.replace('zg-swjw-weibo', 'zg-swjw-wb'), { ...doc, id: 'zg-swjw-wb' });
      },
    ]);
    expectRefused(run, { ...DELETED, file: 'zg-swjw-weibo.json' });
  });

  it('moved into a sub-folder that is not a unit folder', async () => {
    const run = await runScenario(repo, [
      (r) => {
        const p = r.find('zg-swjw-weibo');
        r.mv(p, p.replace('/zg-swjw-weibo.json', '/archive/zg-swjw-weibo.json'));
      },
    ]);
    expectRefused(run, { rule: 'register/misplaced', file: 'archive/zg-swjw-weibo.json', text: '不在单位文件夹中' });
  });

  it('moved to another unit with much changed content (Git sees a deletion and an addition) is still a move that needs a filing', async () => {
    const run = await runScenario(repo, [
      (r) => {
        const p = r.find('zg-zfgjj-weixin');
        const doc = r.read(p);
        r.rm(p);
        const to = p.replace('/zg-zfgjj/', '/zg-szfbgs/');
        // rewrite enough of the text that Git no longer pairs the two files
        r.write(to, JSON.stringify({ ...doc, hostUnit: 'zg-szfbgs' }));
      },
    ]);
    expectRefused(run, { rule: 'pr/move-without-filing', file: 'zg-szfbgs/zg-zfgjj-weixin.json', text: '没有办理主办单位变更备案' });
    expect(run.json.findings.map((f) => f.ruleId)).not.toContain('pr/deleted-account');
  });

  it('unit.json renamed to README.md while the unit keeps its accounts', async () => {
    const run = await runScenario(repo, [(r) => r.mv(`${unitDirOfAccount(r, 'zg-scdc-weixin')}/unit.json`, `${unitDirOfAccount(r, 'zg-scdc-weixin')}/README.md`)]);
    expectRefused(run, { rule: 'pr/unit-deleted', file: 'zg-scdc/unit.json', text: '仍有账号记录' }, { rule: 'register/stray-file', file: 'zg-scdc/README.md' });
  });
});

describe('every file under accounts/ is a register file or refused; its content is never trusted', () => {
  const strays: [string, (r: Repo) => string, string][] = [
    ['README.md holding a password in a unit folder', (r) => `${unitDirOfAccount(r, 'zg-swjw-weibo')}/README.md`, '管理员密码：Zg123456\n'],
    ['README.md holding a mobile number at the top of accounts/', () => 'accounts/README.md', '联系人：某某（虚构） 13000000000\n'],
    ['.gitkeep in a unit folder', (r) => `${unitDirOfAccount(r, 'zg-swjw-weibo')}/.gitkeep`, ''],
    ['.gitkeep in a new empty-looking region folder', () => 'accounts/sichuan/zigong/newregion/.gitkeep', ''],
    ['notes.txt in a region folder', () => 'accounts/sichuan/zigong/notes.txt', '备注\n'],
    ['a scanned form (.pdf) in a unit folder', (r) => `${unitDirOfAccount(r, 'zg-swjw-weibo')}/备案表.pdf`, '%PDF-1.4\n'],
  ];
  for (const [label, where, text] of strays) {
    it(label, async () => {
      let p = '';
      const run = await runScenario(repo, [
        (r) => {
          p = where(r);
          r.write(p, text);
        },
      ]);
      expectRefused(run, { rule: 'register/stray-file', file: p.slice(p.lastIndexOf('/')), text: '不属于登记簿' });
      // nothing of the content is echoed back
      expect(run.out).not.toContain('Zg123456');
      expect(run.out).not.toContain('13000000000');
    });
  }
});

describe('.gitattributes never changes how the register is read (item 4)', () => {
  it('accounts/.gitattributes with working-tree-encoding is refused', async () => {
    const run = await runScenario(repo, [(r) => r.write('accounts/.gitattributes', '*.json working-tree-encoding=GBK\n')]);
    expectRefused(run, { rule: 'register/stray-file', file: 'accounts/.gitattributes', text: 'working-tree-encoding' });
  });

  it('a unit folder .gitattributes with linguist-generated is refused', async () => {
    let p = '';
    const run = await runScenario(repo, [
      (r) => {
        p = `${unitDirOfAccount(r, 'zg-swjw-weibo')}/.gitattributes`;
        r.write(p, '*.json linguist-generated=true\n');
      },
    ]);
    expectRefused(run, { rule: 'register/stray-file', file: p, text: 'linguist-generated' });
  });

  it('the root .gitattributes is the maintainers\' file: alone it needs their approval', async () => {
    const run = await runScenario(repo, [(r) => r.write('.gitattributes', '*.json text eol=lf\n')]);
    expectPassed(run);
    expect(run.json.changes.map((c) => c.kind)).toEqual(['rules']);
    expect(approvers(run, '维护者')).toEqual(['@govmedia-demo/maintainers']);
  });

  it('the root .gitattributes together with an account change is refused as mixed', async () => {
    const run = await runScenario(repo, [
      (r) => r.write('.gitattributes', 'accounts/** linguist-generated=true\n'),
      editAccount('zg-swjw-weibo', (a) => void a.events.push({ type: '信息报备', date: '2026-11-19', changes: [{ field: '联系电话', from: '旧号码', to: '新号码' }] })),
    ]);
    expectRefused(run, { rule: 'pr/mixed-rules-and-data', text: '规则修改须单独提交', cited: false });
  });
});

describe('audit applies the same rule to history', () => {
  it('finds an account renamed to README.md, one moved into docs/, a folder in place of an account and an accounts/.gitattributes', async () => {
    const run = await runAudit(repo, [
      { subject: '整理：改名为 README', step: (r) => r.mv(r.find('zg-swjw-weibo'), `${unitDirOfAccount(r, 'zg-swjw-weibo')}/README.md`) },
      { subject: '整理：移到 docs', step: (r) => r.mv(r.find('zg-sgaj-weibo'), 'docs/old/zg-sgaj-weibo.json') },
      {
        subject: '整理：换成文件夹',
        step: (r) => {
          const p = r.find('zg-szf-douyin');
          const doc = r.read(p);
          r.rm(p);
          r.write(`${p}/x.json`, doc);
        },
      },
      { subject: '属性', step: (r) => r.write('accounts/.gitattributes', '*.json -diff\n') },
      { subject: '正常的报备', step: editAccount('zg-szf-weixin', (a) => void a.events.push({ type: '信息报备', date: '2026-11-19', changes: [{ field: '联系电话', from: '旧号码', to: '新号码' }] })) },
    ]);
    expectAuditBroken(run, '整理：改名为 README', { rule: 'pr/deleted-account', text: LEFT });
    expectAuditBroken(run, '整理：改名为 README', { rule: 'register/stray-file', file: 'README.md' });
    expectAuditBroken(run, '整理：移到 docs', { rule: 'pr/deleted-account', text: '被改名或移动为“docs/old/zg-sgaj-weibo.json”' });
    expectAuditBroken(run, '整理：换成文件夹', { rule: 'pr/deleted-account', file: 'zg-szf-douyin.json' });
    expectAuditBroken(run, '属性', { rule: 'register/stray-file', file: 'accounts/.gitattributes' });
    expect(run.json.broken.map((c) => c.subject)).not.toContain('正常的报备');
    expect(run.json.judged).toBe(5);
  });
});

describe('accountSetDiff: the one rule as a pure function', () => {
  const A = 'accounts/sichuan/zigong/zg-swjw';
  it('splits renames that leave the account set, pairs moves Git did not detect', () => {
    expect(accountSetDiff([{ status: 'R', fromPath: `${A}/a.json`, path: `${A}/README.md` }])).toEqual([
      { status: 'D', path: `${A}/a.json`, movedTo: `${A}/README.md` },
      { status: 'A', path: `${A}/README.md` },
    ]);
    expect(accountSetDiff([{ status: 'R', fromPath: `${A}/a.json`, path: 'docs/a.json' }])[0]).toEqual({ status: 'D', path: `${A}/a.json`, movedTo: 'docs/a.json' });
    expect(accountSetDiff([{ status: 'R', fromPath: `${A}/a.json`, path: `${A}/b.json` }])[0]).toMatchObject({ status: 'D', movedTo: `${A}/b.json` });
    expect(accountSetDiff([{ status: 'T', path: `${A}/a.json` }])).toEqual([{ status: 'D', path: `${A}/a.json` }, { status: 'A', path: `${A}/a.json` }]);
    expect(accountSetDiff([{ status: 'C', fromPath: `${A}/a.json`, path: `${A}/c.json` }])).toEqual([{ status: 'A', path: `${A}/c.json` }]);
    expect(accountSetDiff([{ status: 'D', path: `${A}/a.json` }, { status: 'A', path: 'accounts/sichuan/zigong/zg-szf/a.json' }])).toEqual([{ status: 'R', path: 'accounts/sichuan/zigong/zg-szf/a.json', fromPath: `${A}/a.json` }]);
    // a move to another unit keeping the id stays a move
    expect(accountSetDiff([{ status: 'R', fromPath: `${A}/a.json`, path: 'accounts/sichuan/zigong/zg-szf/a.json' }])).toEqual([{ status: 'R', fromPath: `${A}/a.json`, path: 'accounts/sichuan/zigong/zg-szf/a.json' }]);
  });
});
