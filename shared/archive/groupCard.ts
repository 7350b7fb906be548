/**
 * WeChat group cards: members name themselves `name-company-role-city` (`范双-奇付通-开发-北京`),
 * often with fewer parts (`彭奕遴-银联商务-厦门`), sometimes with underscores.
 */
import type { GroupCard } from '../model';

// Common cities, to tell `name-company-city` from `name-company-role` in three-part cards.
const CITIES = new Set(
  (
    '北京 上海 广州 深圳 杭州 厦门 南京 苏州 成都 重庆 武汉 西安 天津 长沙 郑州 济南 青岛 合肥 福州 ' +
    '南昌 昆明 贵阳 南宁 海口 三亚 石家庄 太原 沈阳 大连 长春 哈尔滨 呼和浩特 兰州 银川 西宁 乌鲁木齐 ' +
    '拉萨 宁波 温州 无锡 常州 东莞 佛山 珠海 中山 惠州 汕头 泉州 烟台 潍坊 徐州 嘉兴 绍兴 金华 台州 ' +
    '香港 澳门 台北 新加坡 吉隆坡 东京 纽约 伦敦 硅谷'
  ).split(' '),
);

export function splitGroupCard(speaker: string): GroupCard {
  const separator = speaker.includes('-') ? '-' : speaker.includes('_') ? '_' : null;
  if (separator === null) return { name: speaker };
  const parts = speaker.split(separator).map((part) => part.trim());
  if (parts.length < 2 || parts.length > 6 || parts.some((part) => part === ''))
    return { name: speaker };
  const [name, company, ...rest] = parts as [string, string, ...string[]];
  if (rest.length === 0) return { name, company };
  if (rest.length === 1) {
    const last = rest[0]!;
    return isCity(last) ? { name, company, city: last } : { name, company, role: last };
  }
  const city = rest[rest.length - 1]!;
  return { name, company, role: rest.slice(0, -1).join(separator), city };
}

function isCity(part: string): boolean {
  return CITIES.has(part) || /^[\u4e00-\u9fff]{2,4}[市州]$/.test(part);
}
