import { deadline } from '#engine/policy/common/process';
import { la } from '../cite.ts';

export default deadline({
  name: 'upward-filing-within-3-workdays',
  title: { zh: '同级主管单位审批通过后3个工作日内逐级上报备案', en: 'upward filing within 3 working days of the same-level approval' },
  citation: la('第八条', '审批通过后于3个工作日内将相关情况及《六安市政务新媒体备案登记表》逐级报县（区）、市、省主管单位审核'),
  works: ['开设', '补录', '变更', '关停'],
  from: ['主管审核'],
  to: ['上报备案'],
  amount: 3,
  unit: 'workdays',
});
