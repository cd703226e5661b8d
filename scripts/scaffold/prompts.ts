/**
 * 交互提问的接口：默认使用 @inquirer/prompts；测试时注入按脚本作答的实现。
 * The prompt functions the scaffolder asks through: @inquirer/prompts by default; tests inject
 * scripted ones. Only the options the scaffolder uses are declared.
 */
import { checkbox, confirm, input, number, select } from '@inquirer/prompts';

export type Validate<T> = (value: T) => boolean | string | Promise<boolean | string>;

export interface Choice<V> {
  value: V;
  name?: string;
  description?: string;
  disabled?: boolean | string;
}

export interface SelectConfig<V> {
  message: string;
  choices: readonly Choice<V>[];
  default?: V;
  pageSize?: number;
}
export interface InputConfig {
  message: string;
  default?: string;
  required?: boolean;
  validate?: Validate<string>;
}
export interface ConfirmConfig {
  message: string;
  default?: boolean;
}
export interface CheckboxConfig<V> {
  message: string;
  choices: readonly (Choice<V> & { checked?: boolean })[];
  required?: boolean;
  validate?: Validate<readonly { value: V }[]>;
}
export interface NumberConfig {
  message: string;
  default?: number;
  min?: number;
  max?: number;
  required?: boolean;
  validate?: Validate<number | undefined>;
}

export interface Prompts {
  select<V>(c: SelectConfig<V>): Promise<V>;
  input(c: InputConfig): Promise<string>;
  confirm(c: ConfirmConfig): Promise<boolean>;
  checkbox<V>(c: CheckboxConfig<V>): Promise<V[]>;
  number(c: NumberConfig): Promise<number | undefined>;
}

const KEY_ZH: Record<string, string> = { navigate: '移动', select: '选择', submit: '确认', all: '全选', invert: '反选' };

/**
 * The real terminal prompts, with the key hints in Chinese. Callers pass their own validators with
 * Chinese messages instead of inquirer's required/min/max, whose messages are English.
 */
export function terminalPrompts(lang: 'zh' | 'en' = 'zh'): Prompts {
  const theme = lang === 'zh' ? { style: { keysHelpTip: (keys: [string, string][]) => keys.map(([k, a]) => `${k} ${KEY_ZH[a] ?? a}`).join(' • ') } } : {};
  return {
    select: <V>(c: SelectConfig<V>) => select<V>({ ...c, pageSize: c.pageSize ?? 12, theme }),
    input: (c) => input(c),
    confirm: (c) => confirm(c),
    checkbox: <V>(c: CheckboxConfig<V>) => checkbox<V>({ ...c, theme } as Parameters<typeof checkbox<V>>[0]),
    number: (c) => number(c),
  };
}

/** The user pressed Ctrl-C or closed the terminal: inquirer rejects with ExitPromptError. */
export function isPromptExit(e: unknown): boolean {
  const name = (e as { name?: string } | undefined)?.name;
  return name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError';
}
