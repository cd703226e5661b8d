import { deadline } from '#engine/policy/common/process';
import { zg } from '../cite.ts';

export default deadline({
  name: 'closure-entry-within-3-workdays',
  title: { zh: '注销（下架）成功后3个工作日内完成系统填报', en: 'national-system entry within 3 working days of deregistration' },
  citation: zg('第九条（四）', '政务新媒体账号成功注销（移动客户端或APP成功下架）后，主办单位应在3个工作日内完成全国政务新媒体报送系统的信息填报工作'),
  works: ['关停'],
  from: ['平台注销', '应用下架'],
  to: ['系统填报'],
  amount: 3,
  unit: 'workdays',
});
