import { deadline } from '#engine/policy/common/process';
import { zg } from '../cite.ts';

export default deadline({
  name: 'change-entry-within-3-workdays',
  title: { zh: '平台完成信息变更后3个工作日内完成系统修改填报', en: 'national-system update within 3 working days of the platform change' },
  citation: zg('第十七条（三）', '第三方平台……完成信息变更后，主办单位应在3个工作日内完成全国政务新媒体报送系统的信息修改填报工作'),
  works: ['变更'],
  from: ['平台变更'],
  to: ['系统填报'],
  amount: 3,
  unit: 'workdays',
});
