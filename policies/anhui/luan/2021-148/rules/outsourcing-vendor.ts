import { outsourcing } from '#engine/policy/common/structure';
import { la } from '../cite.ts';

export default outsourcing({
  citation: la('第五条', '委托其承担政务新媒体日常运行保障等工作，专业机构须具有新闻采编资质。双方须……签订保密安全协议'),
  requireQualification: /新闻/,
  qualificationLabel: '新闻采编资质',
});
