import { deadline } from '../../../../../scripts/policy/common/process.ts';
import { zg } from '../cite.ts';

export default deadline({
  name: 'entry-within-3-workdays',
  title: { zh: '认证（上架）后3个工作日内完成全国政务新媒体报送系统填报', en: 'national-system entry within 3 working days of certification' },
  citation: zg('第七条（六）', '完成政务新媒体账号认证（上架）后，主办单位应在3个工作日内……完成全国政务新媒体报送系统的信息填报工作'),
  works: ['开设'],
  from: ['平台认证', '应用上架'],
  to: ['系统填报'],
  amount: 3,
  unit: 'workdays',
  valid: [
    {
      name: 'certified before Spring Festival, entered on the 3rd working day (02-14 Saturday counts)',
      setup: (k) => k.dates('dept-weixin', ['2026-02-09', '2026-02-10', '2026-02-10', '2026-02-12', '2026-02-24']),
    },
  ],
  invalid: [
    {
      name: 'entered a week after certification',
      setup: (k) => k.dates('dept-weixin', ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-13']),
      errors: [{ account: 'dept-weixin', pointer: ['events', 4, 'date'] }],
    },
  ],
});
