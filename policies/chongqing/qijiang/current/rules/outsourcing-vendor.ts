import { outsourcing } from '#engine/policy/common/structure';
import { qj } from '../cite.ts';

/**
 * 第二十条：外包运维的，应与外包运维服务单位签订保密安全协议。
 * 本办法没有对外包单位资质（如新闻采编资质）提出要求，所以不检查资质。
 */
const rule = outsourcing({
  citation: qj('第二十条', '网站和政务新媒体是外包运维的，应与外包运维服务单位签订保密安全协议'),
  requireAgreement: true,
});

/** 本办法不要求资质，所以标题只说保密安全协议。 */
export default { ...rule, title: { zh: '外包运维的，与外包单位签订保密安全协议', en: 'outsourced operation is bound by a confidentiality agreement' } };
