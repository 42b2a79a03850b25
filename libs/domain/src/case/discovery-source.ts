/** How a hazard came to the brigade's attention (发现来源). */
export const DISCOVERY_SOURCES = ['inspection', 'complaint', 'campaign_check'] as const;

export type DiscoverySource = (typeof DISCOVERY_SOURCES)[number];

export const DISCOVERY_SOURCE_LABELS: Record<DiscoverySource, string> = {
  inspection: '监督检查',
  complaint: '举报投诉',
  campaign_check: '专项检查',
};
