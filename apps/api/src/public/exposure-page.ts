import type { Language } from '../problems/language';
import type { PublicExposure } from './exposures';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

const TEXT = {
  zh: {
    title: '重大火灾隐患曝光台',
    intro: '以下单位的重大火灾隐患逾期未整改，经政府批准予以曝光。隐患整改销案后，曝光信息按规定期限撤下。',
    report: '发现火灾隐患，请拨打 12345 政务服务便民热线或 96119 火灾隐患举报投诉电话。',
    empty: '目前没有曝光中的重大火灾隐患。',
    area: '所在区域',
    address: '地址',
    place: '场所类型',
    hazards: '主要隐患',
    noHazards: '来源未载明',
    deadline: '整改期限',
    status: '状态',
    overdue: '已逾期',
    published: '曝光日期',
    generated: '生成时间',
  },
  en: {
    title: 'Major fire hazards under media exposure',
    intro:
      'The major fire hazards below are overdue for rectification and exposed with government approval. Each entry is taken down a set time after its case closes.',
    report: 'To report a fire hazard, call the 12345 government hotline or 96119.',
    empty: 'No major fire hazard is under exposure now.',
    area: 'Area',
    address: 'Address',
    place: 'Place type',
    hazards: 'Hazards',
    noHazards: 'not stated in the source',
    deadline: 'Deadline',
    status: 'Status',
    overdue: 'overdue',
    published: 'Exposed on',
    generated: 'Generated',
  },
} as const;

/** Renders the public exposure page: static HTML with every value escaped, and no script. */
export function renderExposurePage(items: readonly PublicExposure[], language: Language, now: Date): string {
  const t = TEXT[language];
  const entries = items.map((item) => {
    const hazards =
      item.hazards.length === 0
        ? `<p>${escapeHtml(t.noHazards)}</p>`
        : `<ol>${item.hazards.map((hazard) => `<li>${escapeHtml(hazard)}</li>`).join('')}</ol>`;
    const status = `${item.status[language]}${item.overdue ? `（${t.overdue}）` : ''}`;
    return `<article>
<h2>${escapeHtml(item.unitName)}</h2>
<dl>
<dt>${t.area}</dt><dd>${escapeHtml(item.area)}</dd>
<dt>${t.address}</dt><dd>${escapeHtml(item.address)}</dd>
<dt>${t.place}</dt><dd>${escapeHtml(language === 'zh' ? item.placeType.zh : item.placeType.code)}</dd>
<dt>${t.deadline}</dt><dd>${escapeHtml(item.deadline ?? '—')}</dd>
<dt>${t.status}</dt><dd>${escapeHtml(status)}</dd>
<dt>${t.published}</dt><dd>${escapeHtml(item.publishedOn ?? '—')}</dd>
</dl>
<h3>${t.hazards}</h3>
${hazards}
</article>`;
  });
  return `<!doctype html>
<html lang="${language === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title}</title>
<style>
body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; max-width: 56rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
h1 { color: #b00020; }
article { border: 1px solid #ddd; border-left: 6px solid #b00020; border-radius: 4px; padding: 0.5rem 1rem; margin: 1rem 0; }
dl { display: grid; grid-template-columns: 8rem 1fr; gap: 0.25rem 1rem; }
dt { color: #666; }
dd { margin: 0; }
footer { color: #666; font-size: 0.9rem; margin-top: 2rem; }
</style>
</head>
<body>
<h1>${t.title}</h1>
<p>${t.intro}</p>
<p>${t.report}</p>
${entries.length === 0 ? `<p>${t.empty}</p>` : entries.join('\n')}
<footer>${t.generated} ${escapeHtml(now.toISOString())}</footer>
</body>
</html>
`;
}
