import { announcementPeriod } from '#engine/policy/common/process';
import { la } from '../cite.ts';

export default announcementPeriod({
  citation: la('第八条', '核准后在新媒体系统完成相关操作并向社会公告，公告时间不少于30个工作日'),
  workdays: 30,
});
