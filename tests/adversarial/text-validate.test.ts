/**
 * validate 层面的文字检查：整库中两个单位同一平台同名（含形近）、日期下限、--rule 未知编号是用法错误，
 * 以及每一种不可见字符和形近字在名称和自由文本中的判断（真实文件、真实命令行）。
 * Text checks through `validate` on real registers in temporary folders: same-name and
 * look-alike impersonation across two units, the date floor, `--rule <unknown>` as a usage
 * error, and every listed invisible and look-alike character.
 */
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { validateParallel } from '../../scripts/pipeline/parallel.ts';
import { checkNameChars, checkStrings, findPii, findSecret, idCheckDigitOk, skeleton } from '../../scripts/core/text-checks.ts';
import { ENGINE_ROOT } from '../helpers.ts';
import { baseKit, cli, tmpDir, writeKit } from '../helpers.ts';

const NOW = '2026-11-20';
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

interface JsonOut {
  findings: { ruleId: string; file: string; line: number; column: number; message: string; citation: string | null }[];
}

async function validate(kit: ReturnType<typeof baseKit>, extra: string[] = []): Promise<{ code: number; json: JsonOut; out: string; err: string }> {
  const dir = tmpDir('govmedia-textval-');
  dirs.push(dir);
  writeKit(kit, dir);
  const r = await cli(['validate', '--root', dir, '--now', NOW, '--format', 'json', ...extra]);
  let json: JsonOut = { findings: [] };
  try {
    json = JSON.parse(r.out.slice(r.out.indexOf('{'))) as JsonOut;
  } catch {
    /* usage errors print no JSON */
  }
  return { ...r, json };
}

function twoUnits(name: string): ReturnType<typeof baseKit> {
  const k = baseKit();
  k.unit('sichuan/zigong', { id: 'zg-cdc', name: '自贡市疾病预防控制中心', kind: '政府部门' });
  k.account('zg-cdc', { id: 'zg-cdc-weixin', name, platform: '微信公众号' });
  return k;
}

describe('impersonation across units (validate)', () => {
  it('“健康自贡” twice on the same platform by two units: an error on both, citing 国办发〔2018〕123号', async () => {
    const r = await validate(twoUnits('健康自贡'));
    const hits = r.json.findings.filter((f) => f.ruleId === 'register/impersonation');
    expect(hits.map((f) => f.file).sort()).toEqual(['accounts/sichuan/zigong/zg-cdc/zg-cdc-weixin.json', 'accounts/sichuan/zigong/zg-wjw/zg-wjw-weixin.json']);
    expect(hits[0]!.message).toContain('完全相同');
    expect(hits[0]!.citation).toContain('国办发〔2018〕123号');
    expect(r.code).toBe(1);
  });
  it('a look-alike of it is an error too (and the character itself)', async () => {
    const r = await validate(twoUnits('健康自贡\u{1D173}'));
    expect(r.json.findings.find((f) => f.ruleId === 'register/impersonation' && f.file.includes('zg-cdc'))?.message).toContain('形近');
    expect(r.json.findings.find((f) => f.ruleId === 'register/invisible-char')?.message).toContain('U+1D173');
  });
  it('parallel validation finds the pair when the two units are judged in different threads', async () => {
    const dir = tmpDir('govmedia-textpar-');
    dirs.push(dir);
    writeKit(twoUnits('健康自贡'), dir);
    // one unit folder per share: every pair spans two shares
    const res = await validateParallel(dir, { engineRoot: ENGINE_ROOT, now: NOW, jobs: 3, minFiles: 1 });
    const hits = res!.findings.filter((f) => f.ruleId === 'register/impersonation');
    expect(hits.map((f) => f.file).sort()).toEqual(['accounts/sichuan/zigong/zg-cdc/zg-cdc-weixin.json', 'accounts/sichuan/zigong/zg-wjw/zg-wjw-weixin.json']);
    expect(hits[0]!.line).toBeGreaterThan(1);
    expect(hits[0]!.message.zh).toContain('完全相同');
  }, 120_000);
  it('the same name on another platform, or by the same unit, is not impersonation', async () => {
    const k = twoUnits('健康自贡');
    k.get('zg-cdc-weixin').platform = '抖音';
    delete (k.get('zg-cdc-weixin') as { subType?: string }).subType;
    const r = await validate(k);
    expect(r.json.findings.filter((f) => f.ruleId === 'register/impersonation')).toEqual([]);
  });
});

describe('dates and --rule', () => {
  it('an event dated 0000-01-01 is refused with a located finding', async () => {
    const k = baseKit();
    k.get('zg-wjw-weixin').events[0]!.date = '0000-01-01';
    const r = await validate(k);
    const f = r.json.findings.find((x) => x.ruleId === 'register/implausible-date');
    expect(f?.message).toContain('日期 0000-01-01 早于 2000-01-01');
    expect(f?.line).toBeGreaterThan(1);
    expect(r.code).toBe(1);
  });
  it('validate --rule <unknown id> is a usage error (exit 2) telling how to list the rule ids', async () => {
    const r = await validate(baseKit(), ['--rule', 'no-such/rule']);
    expect(r.code).toBe(2);
    expect(r.out + r.err).toContain('未知的规则编号：no-such/rule');
    expect(r.out + r.err).toContain('govmedia rules');
    expect(r.out + r.err).not.toContain('符合规则');
  });
  it('validate --rule with a known id still runs', async () => {
    const r = await validate(baseKit(), ['--rule', 'register/secret']);
    expect(r.code).toBe(0);
  });
});

describe('the character and shape checks, one by one', () => {
  const invisible = ['\u200b', '\u200c', '\u200d', '\u2060', '\u2065', '\ufeff', '\u00ad', '\u034f', '\u061c', '\u180e', '\u202e', '\u2066', '\u3164', '\uffa0', '\u{1D173}', '\u{1BCA0}', '\u{13430}', '\u{E0041}', '\u{E0100}', '\u00a0', '\u3000', '\u2028'];
  for (const ch of invisible) {
    const code = 'U+' + ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    it(`${code} in a name is invisible-char naming ${code}`, () => {
      const i = checkNameChars('健康' + ch + '自贡');
      expect(i?.kind).toBe('invisible');
      expect(i?.message.zh).toContain(code);
      expect(skeleton('健康' + ch + '自贡')).toBe(skeleton('健康自贡'));
    });
  }
  const lookAlike: [string, string][] = [['ロ', '口'], ['エ', '工'], ['カ', '力'], ['ニ', '二'], ['ㅡ', '一'], ['ㄧ', '一'], ['〸', '十'], ['〡', '丨'], ['Ⅱ', 'II'], ['ℂ', 'C'], ['Ｃ', 'C'], ['⼗', '十'], ['ㅁ', '口'], ['ㅣ', '丨'], ['ハ', '八'], ['ㄇ', '冂']];
  for (const [fake, real] of lookAlike) {
    it(`${fake} is a look-alike of ${real} in a name and folds to it`, () => {
      const i = checkNameChars(`健康${fake}自贡`);
      expect(i?.kind).toBe('look-alike');
      expect(i?.fix.zh).toContain(real === 'II' ? 'II' : real === '一' ? '“一”' : real);
      expect(skeleton(`健康${fake}自贡`)).toBe(skeleton(`健康${real}自贡`));
    });
  }
  it('ordinary prose keeps full-width digits, ①, Ⅱ and ℃; a name does not', () => {
    expect(checkNameChars('２０２６年第Ⅱ期①，气温 5℃', 'text')).toBeUndefined();
    expect(checkNameChars('第Ⅱ期')?.kind).toBe('look-alike');
  });
  it('staff contacts are allowed where the schema expects them, refused in every public field', () => {
    const doc = {
      platformAccountId: 'zgcdc',
      team: { principal: { name: '某某（虚构）', officePhone: '0813-0000001', mobile: '13000000001' } },
      events: [
        { type: '变更备案', date: '2026-01-05', changes: [{ field: '联系电话', from: '13000000001', to: '13000000002' }, { field: '管理队伍', from: '经办人员 某某（虚构） 13000000003', to: '经办人员 某某（虚构）' }, { field: '运营单位', from: '某某公司 13000000004', to: '本单位' }] },
      ],
    };
    const rules = checkStrings(doc).map((i) => `${i.ruleId} ${i.pointer.join('.')}`);
    expect(rules).toEqual(['register/personal-data events.0.changes.2.from']);
  });
  it('the ID check digit is computed per GB 11643', () => {
    expect(idCheckDigitOk('11010519491231002X')).toBe(true);
    expect(idCheckDigitOk('110105194912310021')).toBe(false);
    expect(findPii('编号 110105194912310021')).toBeUndefined();
  });
  it('secret shapes carry their own label', () => {
    expect(findSecret('abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456')?.label.zh).toContain('EncodingAESKey');
    expect(findSecret('验证码：482913')?.label.zh).toBe('验证码或授权码');
    expect(findSecret('密码更换于2026-01-05')).toBeUndefined();
  });
});
