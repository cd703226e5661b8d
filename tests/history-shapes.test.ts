/**
 * history 中形状不对的版本（历史里的坏文件）：不读其内容，只说明它改过；前后的正常版本照常说明。
 * 每个版本只检查一次形状，分类时不再重复检查（scripts/history/history.ts 传 shaped）。真实的临时仓库。
 * A version of the wrong shape in history (a broken file once committed) is described without its
 * content; the good versions around it as usual. Each version's shape is checked once and the
 * classification does not check it again (history passes `shaped`). A real temporary repository.
 */
import path from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { simpleGit } from 'simple-git';
import { describe, expect, it } from 'vitest';
import { cli, tmpDir } from './helpers.ts';

const REL = 'accounts/r/u/u-weixin.json';

function account(events: { type: string; date: string }[]): string {
  return JSON.stringify({ id: 'u-weixin', name: '某某单位（虚构）', platform: '微信公众号', hostUnit: 'u', events }, null, 2) + '\n';
}

describe('history: versions of the wrong shape', () => {
  it('a version that is not an account (no events) is described without its content, and the next good version as new', async () => {
    const dir = tmpDir('govmedia-hist-shape-');
    const g = simpleGit({ baseDir: dir });
    await g.init(['-b', 'main']);
    await g.addConfig('user.name', '测试（虚构）').addConfig('user.email', 'test@example.invalid');
    mkdirSync(path.join(dir, path.dirname(REL)), { recursive: true });
    const versions = [
      account([{ type: '开设备案', date: '2026-01-05' }]),
      JSON.stringify({ id: 'u-weixin', name: '某某单位（虚构）' }, null, 2) + '\n',
      account([{ type: '开设备案', date: '2026-01-05' }, { type: '信息报备', date: '2026-02-02' }]),
      account([{ type: '开设备案', date: '2026-01-05' }, { type: '信息报备', date: '2026-02-02' }, { type: '密码更换', date: '2026-03-02' }]),
    ];
    for (const [i, v] of versions.entries()) {
      writeFileSync(path.join(dir, REL), v);
      await g.add([REL]);
      await g.commit(`v${i}`);
    }
    const r = await cli(['history', 'u-weixin', '--repo', dir, '--format', 'json']);
    expect(r.code).toBe(0);
    const h = JSON.parse(r.out) as { entries: { kind: string; what: { zh: string }; events: { type: string }[] }[] };
    expect(h.entries.map((e) => e.kind)).toEqual(['open', 'progress', 'open', 'non-key-change']);
    expect(h.entries[1]!.what.zh).toBe('格式调整');
    expect(h.entries[1]!.events).toEqual([]);
    expect(h.entries[3]!.what.zh).toBe('追加事件：密码更换');
  });
});
