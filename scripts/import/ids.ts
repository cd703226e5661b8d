/**
 * 可读编号：由简称的拼音首字母生成（pinyin-pro，离线词典，多音字按词组读音，如“六安”读 lu an）。
 * 编号稳定（同名同号）且不冲突（冲突时依次加账号名称的拼音首字母、序号）。
 *
 * Readable ids from the pinyin of short names (pinyin-pro, an offline dictionary that reads
 * place names by phrase: 六安 → lu an). Stable (the same name gives the same id) and
 * collision-free (on a clash: the account name's initials, then a number).
 */
import { pinyin } from 'pinyin-pro';

/** Pinyin initials of Chinese characters; ASCII letters and digits kept (lowercase). */
export function initials(text: string): string {
  const s = text.normalize('NFKC');
  const out: string[] = [];
  const han = pinyin(s, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' });
  for (const p of han) {
    const t = p.toLowerCase().replace(/[^a-z0-9]/g, '');
    if (t) out.push(t);
  }
  return out.join('').slice(0, 24);
}

/** Full pinyin, syllables joined (for short names that read better in full, e.g. platform codes). */
export function fullPinyin(text: string): string {
  return pinyin(text.normalize('NFKC'), { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .map((p) => p.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .join('')
    .slice(0, 40);
}

/** A valid register id (^[a-z0-9]+(-[a-z0-9]+)*$) from parts; empty parts dropped. */
export function idOf(...parts: string[]): string {
  return parts
    .map((p) => p.toLowerCase().replace(/[^a-z0-9-]/g, '').replace(/-+/g, '-').replace(/^-|-$/g, ''))
    .filter((p) => p !== '')
    .join('-');
}

/** The first free id among `base`, `base-<extra>`, `base-<extra>-2`, … (ids in `taken` are used). */
export function freeId(base: string, extra: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  const withExtra = extra ? idOf(base, extra) : base;
  if (!taken.has(withExtra)) return withExtra;
  for (let i = 2; ; i++) {
    const c = `${withExtra}-${i}`;
    if (!taken.has(c)) return c;
  }
}
