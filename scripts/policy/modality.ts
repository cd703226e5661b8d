/**
 * 情态词表：办法条文的情态词决定规则的严重程度（DESIGN §8；表格见 policies/README.md）。
 * The modality table: the modal word of the article decides the rule's severity.
 */
import type { Bilingual, Severity } from '../core/finding.ts';

/**
 * The modal words the measures use, strongest first; '规定' = a plain statement of duty or competence (“是……主管单位”);
 * '加强' = an exhortation to strengthen a field of work (“加强……管理”) that names no concrete act, so any concrete act a
 * rule asks for is the register's reading: a notice for the reviewer; '未定量' = a requirement without a number or a
 * standard (“及时”“详细”“必要的……”): a notice for the reviewer, no invented threshold. Both are never inferred
 * from a quote, only declared.
 */
export const MODALITIES = ['严禁', '不得', '禁止', '必须', '原则上', '应当', '须', '应', '要', '需', '规定', '可', '参照', '鼓励', '加强', '未定量'] as const;
export type Modality = (typeof MODALITIES)[number];

export interface ModalityReading {
  reading: Bilingual;
  /** The severity the word gives; 'justification' = an error unless a justification the supervising office approved is recorded. */
  severity: Severity | 'justification';
}

const DUTY: ModalityReading = { reading: { zh: '义务：不符合即为错误', en: 'duty: an error when not met' }, severity: 'error' };
const MAY: ModalityReading = { reading: { zh: '可选：提示，供审核人参考', en: 'optional: a notice for the reviewer' }, severity: 'notice' };

export const MODALITY_TABLE: Record<Modality, ModalityReading> = {
  严禁: DUTY,
  不得: DUTY,
  禁止: DUTY,
  必须: DUTY,
  应当: DUTY,
  须: DUTY,
  应: DUTY,
  要: DUTY,
  需: DUTY,
  规定: { reading: { zh: '规定（职责、主体、程序）：不符合即为错误', en: 'a provision (duty, competence, procedure): an error when not met' }, severity: 'error' },
  原则上: { reading: { zh: '原则：错误，除非备案写明理由并经主管单位审核同意', en: 'in principle: an error unless the filing records a justification the supervising office approved' }, severity: 'justification' },
  可: MAY,
  参照: MAY,
  鼓励: MAY,
  未定量: { reading: { zh: '没有数字或标准的要求（及时、详细、必要的……）：提示审核人判断，不自定数字', en: 'a requirement without a number or standard: a notice for the reviewer, no invented threshold' }, severity: 'notice' },
  加强: { reading: { zh: '加强某项工作而未规定具体行为：规则所查的具体行为是本库的读法，提示审核人', en: 'an exhortation without a concrete act: the act the rule checks is a reading, a notice for the reviewer' }, severity: 'notice' },
};

/** Words that are only ever declared (rule.modality), never inferred from a quote. */
const DECLARED_ONLY: ReadonlySet<Modality> = new Set(['规定', '加强', '未定量']);

/** The rule's modal word: declared, else the strongest word in its citation's quote, else '规定'. */
/** Words that contain a modal character without being one (主要负责人, 相应, 应用, 许可 …). */
const NOT_MODAL = /主要|重要|需要|必要|相应|对应|响应|应用|供应|许可|认可|可能|可行/g;

export function modalityOf(rule: { modality?: Modality; citation: { quote?: string } }): Modality {
  if (rule.modality) return rule.modality;
  const q = (rule.citation.quote ?? '').replace(NOT_MODAL, '');
  return MODALITIES.find((w) => !DECLARED_ONLY.has(w) && q.includes(w)) ?? '规定';
}
