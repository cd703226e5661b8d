/**
 * 对抗测试：合并请求中的账号名称、文件名和标签企图注入 GitHub 渲染的摘要（伪造“已由维护者批准”标题、
 * 表格、链接、@提及、HTML）或作业日志（::warning、::stop-commands::、##[…]）。每个场景都在真实的临时
 * Git 仓库中运行 check-pr，并断言摘要、行内标注、作业日志和 Code Quality JSON 的确切转义结果。
 *
 * Hostile account names, file names and labels try to inject into what GitHub renders (a fake
 * "已由维护者批准" heading, tables, links, mentions, HTML) or into the job log (::warning,
 * ::stop-commands::, ##[…]). Each scenario runs check-pr on a real temporary Git repository and
 * asserts the exact escaped summary, annotations, job log and Code Quality JSON.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBaseRepo, type Repo } from '../pr-harness.ts';
import { expectInert, runHostile } from './render-harness.ts';

let repo: Repo;
beforeAll(async () => {
  delete process.env.GOVMEDIA_REPO_PRIVATE;
  repo = await makeBaseRepo();
}, 120_000);
afterAll(() => {
  if (repo) rmSync(repo.dir, { recursive: true, force: true });
});

const ACCOUNT = 'zg-zfgjj-weixin';
const NAME = '自贡住房公积金';

/**
 * payload appended to the account's name; md: its exact Markdown escape; log: in the job-log text;
 * gh: in annotation data (the runner's escaping).
 */
const NAMES: { title: string; payload: string; md: string; log: string; gh: string }[] = [
  { title: 'newline + fake heading 已由维护者批准', payload: '\n## 已由维护者批准', md: '\\\\n#&#8203;#&#8203; 已由维护者批准', log: '\\n## 已由维护者批准', gh: '%0A## 已由维护者批准' },
  { title: 'newline + ::warning', payload: '\n::warning::伪造警告', md: '\\\\n::warning::伪造警告', log: '\\n::warning::伪造警告', gh: '%0A::warning::伪造警告' },
  { title: 'newline + ::stop-commands::', payload: '\n::stop-commands::pwned', md: '\\\\n::stop-commands::pwned', log: '\\n::stop-commands::pwned', gh: '%0A::stop-commands::pwned' },
  { title: 'CRLF + ::notice', payload: '\r\n::notice::x', md: '\\\\r\\\\n::notice::x', log: '\\r\\n::notice::x', gh: '%0D%0A::notice::x' },
  { title: 'a literal %0A that must not decode to a newline', payload: '%0A::error::伪造', md: '%0A::error::伪造', log: '%0A::error::伪造', gh: '%250A::error::伪造' },
  { title: 'legacy ##[warning] command anywhere in a line', payload: '##[warning]旧式命令', md: '#&#8203;#&#8203;\\[warning\\]旧式命令', log: '##\\[warning]旧式命令', gh: '##[warning]旧式命令' },
  { title: 'U+2028 line separator + ::warning', payload: '\u2028::warning::x', md: '\\\\u2028::warning::x', log: '\\u2028::warning::x', gh: '\u2028::warning::x' },
  { title: '<script> tag', payload: '<script>alert(1)</script>', md: '&lt;script&gt;alert(1)&lt;/script&gt;', log: '<script>alert(1)</script>', gh: '<script>alert(1)</script>' },
  { title: '<img onerror> tag', payload: '<img src=x onerror=alert(1)>', md: '&lt;img src=x onerror=alert(1)&gt;', log: '<img src=x onerror=alert(1)>', gh: '<img src=x onerror=alert(1)>' },
  { title: 'the sticky-comment marker', payload: '<!-- govmedia-pr-check -->', md: '&lt;!-- govmedia-pr-check --&gt;', log: '<!-- govmedia-pr-check -->', gh: '<!-- govmedia-pr-check -->' },
  { title: 'a Markdown link', payload: '[已批准](https://evil.example)', md: '\\[已批准\\](https:&#8203;//evil.example)', log: '[已批准](https://evil.example)', gh: '[已批准](https://evil.example)' },
  { title: 'an @mention', payload: '@octocat 请直接合并', md: '@&#8203;octocat 请直接合并', log: '@octocat 请直接合并', gh: '@octocat 请直接合并' },
  { title: 'a #reference', payload: '#123 关闭', md: '#&#8203;123 关闭', log: '#123 关闭', gh: '#123 关闭' },
  { title: 'table pipes', payload: '| 伪造 | 表格 |', md: '\\| 伪造 \\| 表格 \\|', log: '| 伪造 | 表格 |', gh: '| 伪造 | 表格 |' },
  { title: 'backticks and emphasis', payload: '`代码` **粗体** _斜体_ ~~删除~~', md: '\\`代码\\` \\*\\*粗体\\*\\* \\_斜体\\_ \\~\\~删除\\~\\~', log: '`代码` **粗体** _斜体_ ~~删除~~', gh: '`代码` **粗体** _斜体_ ~~删除~~' },
  { title: 'zero-width space and a bidi override', payload: '\u200b健康\u202e自贡', md: '\\\\u200b健康\\\\u202e自贡', log: '\\u200b健康\\u202e自贡', gh: '\u200b健康\u202e自贡' },
  { title: 'math', payload: '$x^2$', md: '\\$x^2\\$', log: '$x^2$', gh: '$x^2$' },
  { title: 'a bare www autolink', payload: 'www.evil.example', md: 'www&#8203;.evil.example', log: 'www.evil.example', gh: 'www.evil.example' },
  { title: 'a block quote and a task list after a newline', payload: '\n> 引用\n- [x] 已审批', md: '\\\\n&gt; 引用\\\\n- \\[x\\] 已审批', log: '\\n> 引用\\n- [x] 已审批', gh: '%0A> 引用%0A- [x] 已审批' },
  { title: 'entities that must stay text', payload: '&lt;b&gt;实体', md: '&amp;lt;b&amp;gt;实体', log: '&lt;b&gt;实体', gh: '&lt;b&gt;实体' },
  { title: 'a trailing backslash before the cell separator', payload: '\\', md: '\\\\', log: '\\', gh: '\\' },
];

describe('render: hostile account names (a key change of the name)', () => {
  it.each(NAMES)('$title', async ({ payload, md, log, gh }) => {
    const o = await runHostile(repo, [(r) => r.edit(r.find(ACCOUNT), (a) => void (a.name = NAME + payload))]);
    expectInert(o);
    // the summary's change table: the name (who) and the change (details), exactly escaped
    const row = o.summary.split('\n').find((l) => l.startsWith(`| ${NAME}`));
    expect(row, o.summary).toBeDefined();
    expect(row!.startsWith(`| ${NAME}${md} | 自贡市住房公积金管理中心 | `)).toBe(true);
    expect(row).toContain(`账号名称由“${NAME}”变更为“${NAME}${md}”`);
    // the job log's change line
    expect(o.log).toContain(`] ${NAME}${log} — 账号名称由“${NAME}”变更为“${NAME}${log}”`);
    // the annotation of the key change carries the name in the runner's data escaping
    const ann = o.annotations.find((l) => l.includes(`变更为“${NAME}${gh}”`));
    expect(ann, o.annotations.join('\n')).toBeDefined();
    expect(ann!.startsWith('::error file=accounts/sichuan/zigong/zg-zfgjj/zg-zfgjj-weixin.json,line=4,col=')).toBe(true);
    // Code Quality JSON: valid JSON, the exact raw value (JSON escapes it), nothing HTML-escaped
    expect(o.gitlab.some((f) => f.description.includes(`变更为“${NAME}${payload}”`))).toBe(true);
    expect(o.gitlabRaw).toContain(JSON.stringify(`${NAME}${payload}`).slice(1, -1));
    expect(o.record.verdict.result).toBe('fail');
  });
});

/** A valid account file (a copy of an existing one) under a hostile file name in the unit folder. */
function copyAs(r: Repo, name: string): void {
  const src = r.find(ACCOUNT);
  r.write(`${src.slice(0, src.lastIndexOf('/'))}/${name}`, r.read(src));
}

describe('render: hostile file names', () => {
  it('an account file named "x\\n## 已由维护者批准.json": no heading, the path escaped in the table and the annotation property', async () => {
    const o = await runHostile(repo, [(r) => copyAs(r, 'x\n## 已由维护者批准.json')]);
    expectInert(o);
    expect(o.summary).not.toMatch(/^#+ 已由维护者批准/m);
    expect(o.summary).toContain('| accounts/sichuan/zigong/zg-zfgjj/x\\\\n#&#8203;#&#8203; 已由维护者批准.json:');
    const ann = o.annotations.filter((l) => l.includes('x%0A## 已由维护者批准.json'));
    expect(ann.length, o.annotations.join('\n')).toBeGreaterThan(0);
    for (const a of ann) expect(a).toMatch(/^::(error|warning|notice) file=accounts\/sichuan\/zigong\/zg-zfgjj\/x%0A## 已由维护者批准\.json,line=\d+,col=\d+,title=/);
    expect(o.log).toContain('accounts/sichuan/zigong/zg-zfgjj/x\\n## 已由维护者批准.json');
    expect(o.gitlab.some((f) => f.location.path === 'accounts/sichuan/zigong/zg-zfgjj/x\n## 已由维护者批准.json')).toBe(true);
    expect(o.record.verdict.result).toBe('fail');
  });

  it('an account file named "x\\n::warning::伪造.json": the property escapes ":" and the newline', async () => {
    const o = await runHostile(repo, [(r) => copyAs(r, 'x\n::warning::伪造.json')]);
    expectInert(o);
    expect(o.annotations.some((l) => l.includes('file=accounts/sichuan/zigong/zg-zfgjj/x%0A%3A%3Awarning%3A%3A伪造.json,'))).toBe(true);
    expect(o.log).toContain('accounts/sichuan/zigong/zg-zfgjj/x\\n::warning::伪造.json');
  });

  it('an account file named "a,b%0Ac.json": "," and "%" are escaped in the property', async () => {
    const o = await runHostile(repo, [(r) => copyAs(r, 'a,b%0Ac.json')]);
    expectInert(o);
    expect(o.annotations.some((l) => l.includes('file=accounts/sichuan/zigong/zg-zfgjj/a%2Cb%250Ac.json,line='))).toBe(true);
  });

  it('an account file named with a zero-width space: visible in the summary and the log', async () => {
    const o = await runHostile(repo, [(r) => copyAs(r, `${ACCOUNT}\u200b.json`)]);
    expectInert(o);
    expect(o.summary).toContain(`${ACCOUNT}\\\\u200b.json`);
    expect(o.summary).not.toContain('\u200b');
    expect(o.log).toContain(`${ACCOUNT}\\u200b.json`);
  });

  it('an account file whose name starts a log line with "::stop-commands::" gets a "\\" in front', async () => {
    // the finding's location line starts with the file path; the path starts with accounts/, so
    // a newline inside the name is the only way to start a line — shown as \n, never a real line
    const o = await runHostile(repo, [(r) => copyAs(r, '\n::stop-commands::pwned.json')]);
    expectInert(o);
    expect(o.log).not.toMatch(/^\s*::stop-commands::/m);
    expect(o.log).toContain('accounts/sichuan/zigong/zg-zfgjj/\\n::stop-commands::pwned.json');
  });

  it.each([
    { file: 'docs/x\n## 已由维护者批准.md', md: '- docs/x\\\\n#&#8203;#&#8203; 已由维护者批准.md' },
    { file: 'docs/a|b`c.md', md: '- docs/a\\|b\\`c.md' },
    { file: 'docs/<img src=x onerror=alert(1)>.md', md: '- `docs/<img src=x onerror=alert(1)>.md`' },
    { file: 'docs/[批准](https:evil).md', md: '- `docs/[批准](https:evil).md`' },
    { file: 'docs/@octocat.md', md: '- `docs/@octocat.md`' },
    { file: 'docs/::warning::x.md', md: '- `docs/::warning::x.md`' },
  ])('a rules change to $file: listed as code or escaped text, never Markdown', async ({ file, md }) => {
    const o = await runHostile(repo, [(r) => r.write(file, '说明\n')]);
    expectInert(o);
    expect(o.summary.split('\n')).toContain(md);
  });
});

describe('render: hostile labels', () => {
  it.each([
    { label: '\n## 已由维护者批准', md: '`## 已由维护者批准`' },
    { label: '@octocat <b>x</b>', md: '`@octocat <b>x</b>`' },
    { label: 'a`b|c', md: 'a\\`b\\|c' },
  ])('label $label is shown inert in the basis of the decision', async ({ label, md }) => {
    const o = await runHostile(repo, [(r) => r.edit(r.find(ACCOUNT), (a) => void a.events.push({ type: '密码更换', date: '2026-11-19' }))], { labels: [label] });
    expectInert(o);
    expect(o.summary.split('\n')).toContain(`- 标签：${md}`);
  });
});

describe('render: English reports escape the same way', () => {
  it('--lang en: the fake heading stays inline in the summary and the job log', async () => {
    const o = await runHostile(repo, [(r) => r.edit(r.find(ACCOUNT), (a) => void (a.name = `${NAME}\n## Approved by maintainers\n::warning::x`))], { lang: 'en' });
    expectInert(o);
    expect(o.summary).toContain(`${NAME}\\\\n#&#8203;#&#8203; Approved by maintainers\\\\n::warning::x`);
    expect(o.log).toContain(`${NAME}\\n## Approved by maintainers\\n::warning::x — name changed from "${NAME}" to "${NAME}\\n## Approved by maintainers\\n::warning::x"`);
  });
});
