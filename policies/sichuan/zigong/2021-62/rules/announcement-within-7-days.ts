import { deadline } from '../../../../../scripts/policy/common/process.ts';
import { closeEvents } from '../../../../../scripts/policy/fixture.ts';
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
  valid: [{ name: 'announced two days after filing', setup: (k) => void k.get('dept-weixin').events.push(...closeEvents('2026-03-02')) }],
  invalid: [
    {
      name: 'announced ten days after filing',
      setup: (k) => {
        const evs = closeEvents('2026-03-02');
        evs[2]!.date = '2026-03-12';
        k.get('dept-weixin').events.push(...evs);
      },
      errors: [{ account: 'dept-weixin', pointer: ['events', 7, 'date'], messageIncludes: '2026-03-09', messageId: 'late' }],
    },
  ],
});
