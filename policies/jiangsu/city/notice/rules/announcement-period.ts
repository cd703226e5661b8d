import { announcementPeriod } from '#engine/policy/common/process';
import { ART, Q_ANNOUNCE, js } from '../cite.ts';

/** 关停、注销须向社会公告，公告时间不少于15个工作日：注销公告后满15个工作日才能在平台注销（下架）。 */
export default announcementPeriod({
  citation: js(ART.filing, Q_ANNOUNCE),
  workdays: 15,
});
