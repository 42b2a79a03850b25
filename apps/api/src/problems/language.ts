import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

export type Language = 'zh' | 'en';

/**
 * Picks the response language from an Accept-Language header: English when the client prefers it
 * over Chinese, otherwise Simplified Chinese.
 */
export function negotiateLanguage(header: string | undefined): Language {
  if (!header) return 'zh';
  let best: { language: Language; quality: number } | undefined;
  for (const part of header.split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const quality = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(quality) || quality <= 0) continue;
    const language: Language | undefined = tag.startsWith('en')
      ? 'en'
      : tag.startsWith('zh') || tag === '*'
        ? 'zh'
        : undefined;
    if (language && (!best || quality > best.quality)) best = { language, quality };
  }
  return best?.language ?? 'zh';
}

/** The language the request asks for, from its Accept-Language header. */
export const RequestLanguage = createParamDecorator((_: unknown, context: ExecutionContext): Language =>
  negotiateLanguage(context.switchToHttp().getRequest<Request>().headers['accept-language']),
);
