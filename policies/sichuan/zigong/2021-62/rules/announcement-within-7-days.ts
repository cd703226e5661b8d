import { deadline } from '#engine/policy/common/process';
import { zg } from '../cite.ts';

export default deadline({
  name: 'announcement-within-7-days',
  title: { zh: '提交关停备案后7天内发布注销公告', en: 'closure announced within 7 days of the closure filing' },
  citation: zg('第九条（二）', '已提交备案的账号应在7天内发布注销公告'),
  works: ['关停'],
  from: 'filing',
  to: ['注销公告'],
  amount: 7,
  unit: 'days',
});
