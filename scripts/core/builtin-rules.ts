/**
 * 数据文件本身的检查规则（语法、编码、模式、路径、一致性、秘密信息、仿冒字符）。
 * The register's own data rules, run before any policy module. Each has an id, a severity
 * and, where a regulation stands behind it, a citation; `govmedia rules` lists them.
 */
import type { Bilingual, Citation, Severity } from './finding.ts';

export interface BuiltinRuleMeta {
  id: string;
  severity: Severity;
  title: Bilingual;
  citation?: Citation;
}

const N123 = '国办发〔2018〕123号';
const LUAN = '六政办秘〔2021〕148号';

export const BUILTIN_RULES = {
  'register/json-syntax': { severity: 'error', title: { zh: 'JSON 语法错误', en: 'JSON syntax error' } },
  'register/duplicate-key': { severity: 'error', title: { zh: '同一对象中键重复', en: 'duplicate key in an object' } },
  'register/bom': { severity: 'error', title: { zh: '文件以 BOM 开头', en: 'file starts with a byte-order mark' } },
  'register/encoding': { severity: 'error', title: { zh: '文件不是 UTF-8 编码的文本', en: 'file is not UTF-8 text' } },
  'register/file-too-large': { severity: 'error', title: { zh: '文件过大', en: 'file too large' } },
  'register/symlink': { severity: 'error', title: { zh: '不允许符号链接', en: 'symbolic links are not allowed' } },
  'register/stray-file': { severity: 'error', title: { zh: '不属于登记簿的文件或文件夹', en: 'file or folder that does not belong in the register' } },
  'register/misplaced': { severity: 'error', title: { zh: '文件放错了位置', en: 'file in the wrong place' } },
  'register/schema': { severity: 'error', title: { zh: '不符合数据模式', en: 'does not match the schema' }, citation: { doc: LUAN, article: '第十四条', title: '六安市政府系统政务新媒体管理暂行办法', quote: '确保账号基本信息真实准确、规范完整' } },
  'register/schema-ref': { severity: 'error', title: { zh: '$schema 路径不正确', en: '$schema path is wrong' } },
  'register/id-path': { severity: 'error', title: { zh: '编号与文件路径不一致', en: 'id does not match the file path' } },
  'register/duplicate-id': { severity: 'error', title: { zh: '编号重复', en: 'duplicate id' } },
  'register/host-unit': { severity: 'error', title: { zh: '主办单位与所在文件夹不一致', en: 'host unit does not match the folder' }, citation: { doc: N123, article: '二、明确工作职责', quote: '政务新媒体主办单位按照“谁开设、谁主办”的原则确定' } },
  'register/reference': { severity: 'error', title: { zh: '引用了不存在的单位、地区或办法', en: 'reference to a unit, region or policy that does not exist' } },
  'register/event-order': { severity: 'error', title: { zh: '生命周期事件未按日期排列或日期晚于今天', en: 'lifecycle events out of date order or in the future' } },
  'register/invisible-char': { severity: 'error', title: { zh: '名称中含有不可见字符或多余空白', en: 'invisible character or stray whitespace in a name' }, citation: { doc: N123, article: '四、（四）监督管理', quote: '对发现的假冒政务新媒体，要求第三方平台立即关停' } },
  'register/look-alike': { severity: 'error', title: { zh: '名称中含有形近仿冒字符', en: 'look-alike character in a name' }, citation: { doc: N123, article: '四、（四）监督管理', quote: '对发现的假冒政务新媒体，要求第三方平台立即关停' } },
  'register/secret': { severity: 'error', title: { zh: '疑似密码、令牌等秘密信息', en: 'value looks like a password, token or other secret' }, citation: { doc: N123, article: '四、（三）安全防护', quote: '加强对账号密码的安全管理，防止账号被盗用' } },
} as const satisfies Record<string, Omit<BuiltinRuleMeta, 'id'>>;

export type BuiltinRuleId = keyof typeof BUILTIN_RULES;

export function builtinRuleList(): BuiltinRuleMeta[] {
  return Object.entries(BUILTIN_RULES).map(([id, m]) => ({ id, ...(m as Omit<BuiltinRuleMeta, 'id'>) }));
}
