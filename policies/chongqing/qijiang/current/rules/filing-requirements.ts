import { filingRequirements } from '#engine/policy/common/process';
import { qj } from '../cite.ts';

/**
 * 第十三条：开设、变更、关停、注销，要经本单位主要负责人同意，并报区政府办公室备案（附件4）。
 * 本办法正文没有要求写明开办理由（附件4 备案表未收录在本库的原文中），所以只检查单位意见。
 * 补录备案是对从未备案的开设的补办，同样须经主要负责人同意。
 * 同意者是否为主要负责人由 consent-by-principal 检查。
 */
const rule = filingRequirements({
  citation: qj('第十三条', '政务新媒体账号开设、变更、关停、注销，要经本单位主要负责人同意，并报区政府办公室备案'),
  reasonFor: [],
  decisionFor: ['开设', '补录', '变更', '关停'],
});

/** 本办法不要求写明理由，所以标题只说单位意见；“集体研究”也不是本办法的说法，消息改为“主要负责人同意”。 */
export default {
  ...rule,
  title: { zh: '开设、变更、关停、注销的备案有本单位同意意见', en: "opening, change and closure filings record the unit's consent" },
  messages: {
    ...rule.messages,
    decision: { zh: '{kind}备案（{date}）没有记录本单位主要负责人的同意意见', en: 'the {kind} filing of {date} does not record the consent of the head of the unit' },
  },
};
