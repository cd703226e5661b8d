/**
 * 取值的统一方式：参数给了就校验参数；没给且可交互就提问（中文，边输入边校验）；都不行就报用法错误。
 * One way to get every value: a flag (validated), else a prompt (validated as the user types),
 * else a default, else a usage error naming the flag.
 */
import { UsageError } from '../pipeline/pipeline.ts';
import type { Tr } from './model.ts';
import type { Choice, Prompts } from './prompts.ts';

type Check = (s: string) => true | string;

export class Asker {
  constructor(
    /** undefined = non-interactive (--yes). */
    readonly prompts: Prompts | undefined,
    readonly t: Tr,
    /** Answers by flag name (the draft and the equivalent --yes command). */
    readonly record: Map<string, string | string[] | boolean> = new Map(),
  ) {}

  get interactive(): boolean {
    return this.prompts !== undefined;
  }

  private missing(flag: string): UsageError {
    return new UsageError(this.t(`缺少参数 --${flag}（使用 --yes 非交互运行时，必须用参数提供）`, `missing --${flag} (required when running non-interactively with --yes)`));
  }

  /** Check a flag's value with the same validator the prompt uses. */
  checkFlag(flag: string, value: string, check?: Check): string {
    const v = value.trim();
    const r = check ? check(v) : true;
    if (r !== true) throw new UsageError(`--${flag}：${r}`);
    return v;
  }

  async text(flag: string, given: string | undefined, c: { message: string; default?: string; validate?: Check; optional?: boolean }): Promise<string> {
    if (given !== undefined) return this.checkFlag(flag, given, c.validate);
    if (this.prompts) {
      const check = c.validate;
      const v = await this.prompts.input({
        message: c.message,
        ...(c.default !== undefined && c.default !== '' ? { default: c.default } : {}),
        validate: (s: string) => {
          const r = check ? check(s) : true;
          return r === true && !c.optional && !s.trim() ? this.t('请填写此项', 'this is required') : r;
        },
      });
      if (v.trim()) this.record.set(flag, v.trim());
      return v.trim();
    }
    if (c.default !== undefined) return c.default;
    if (c.optional) return '';
    throw this.missing(flag);
  }

  /** Choose among values; a flag is parsed by `parse` (undefined = not acceptable). */
  async choose<V>(flag: string, given: string | undefined, c: { message: string; choices: readonly Choice<V>[]; default?: V; parse: (s: string) => V | undefined }): Promise<V> {
    if (given !== undefined) {
      const v = c.parse(given.trim());
      if (v === undefined) {
        const list = c.choices.map((x) => x.name ?? String(x.value)).slice(0, 12).join('、');
        throw new UsageError(this.t(`--${flag}：不认识“${given}”，可选：${list}`, `--${flag}: "${given}" is not one of: ${list}`));
      }
      return v;
    }
    if (this.prompts) {
      const v = await this.prompts.select<V>({ message: c.message, choices: c.choices, ...(c.default !== undefined ? { default: c.default } : {}) });
      if (typeof v === 'string') this.record.set(flag, v);
      return v;
    }
    if (c.default !== undefined) return c.default;
    throw this.missing(flag);
  }

  async yesNo(given: boolean | undefined, c: { message: string; default: boolean }): Promise<boolean> {
    if (given !== undefined) return given;
    if (this.prompts) return this.prompts.confirm({ message: c.message, default: c.default });
    return c.default;
  }

  async many<V extends string>(flag: string, given: string[] | undefined, c: { message: string; choices: readonly V[]; defaults: readonly V[]; required?: boolean }): Promise<V[]> {
    if (given !== undefined && given.length) {
      const vals = given.flatMap((g) => g.split(/[,，、]/)).map((s) => s.trim()).filter(Boolean);
      const bad = vals.filter((v) => !(c.choices as readonly string[]).includes(v));
      if (bad.length) throw new UsageError(this.t(`--${flag}：不认识“${bad.join('、')}”，可选：${c.choices.join('、')}`, `--${flag}: unknown ${bad.join(', ')}; choose from ${c.choices.join(', ')}`));
      return [...new Set(vals)] as V[];
    }
    if (this.prompts) {
      const v = await this.prompts.checkbox<V>({
        message: c.message,
        choices: c.choices.map((v) => ({ value: v, name: v, checked: c.defaults.includes(v) })),
        ...(c.required ? { validate: (sel: readonly { value: V }[]) => (sel.length ? true : this.t('请至少选择一项（空格键选择）', 'choose at least one (space)')) } : {}),
      });
      this.record.set(flag, [v.join(',')]);
      return v;
    }
    return [...c.defaults];
  }

  async count(given: number | undefined, c: { message: string; default: number; min: number; max: number }): Promise<number> {
    if (given !== undefined) return given;
    if (this.prompts) {
      const n = await this.prompts.number({
        message: c.message,
        default: c.default,
        validate: (x) => (x !== undefined && Number.isInteger(x) && x >= c.min && x <= c.max ? true : this.t(`请输入 ${c.min} 到 ${c.max} 之间的整数`, `enter a whole number from ${c.min} to ${c.max}`)),
      });
      return Math.max(c.min, Math.min(c.max, Math.round(n ?? c.default)));
    }
    return c.default;
  }
}
