import { isUtf8 } from 'node:buffer';

import { Logger, type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

import type { ApiConfig } from './api.config';
import { ApiModule } from './api.module';
import { replyToClientErrors } from './problems/client-error';
import { INVALID_UTF8_BODY, ProblemFilter } from './problems/problem.filter';
import { RequestValidationError } from './problems/request-validation.error';
import { findDuplicateKey } from './validation/duplicate-keys';
import { JsonContentTypeInterceptor } from './validation/json-content-type.interceptor';
import { RequestValidationPipe } from './validation/request-validation.pipe';

/** Largest JSON body the API accepts; bigger bodies get 413. */
export const JSON_BODY_LIMIT = '256kb';

/**
 * Rejects a UTF-8 JSON body with bytes that are not valid UTF-8, which the parser would otherwise store
 * as U+FFFD replacement characters. Rejects a body in any UTF charset with a key twice in one object,
 * of which the parser would keep the last. A charset Node cannot decode is left to the parser.
 */
function checkJsonBody(_request: unknown, _response: unknown, body: Buffer, encoding: string): void {
  let text: string;
  if (/^utf-?8$/i.test(encoding)) {
    if (!isUtf8(body)) throw Object.assign(new Error('the body is not valid UTF-8'), { type: INVALID_UTF8_BODY });
    text = body.toString('utf8');
  } else {
    try {
      text = new TextDecoder(encoding).decode(body);
    } catch {
      return;
    }
  }
  const duplicate = findDuplicateKey(text);
  if (duplicate !== undefined) {
    throw new RequestValidationError([{ field: duplicate, constraint: 'isUniqueJsonKey', params: {} }]);
  }
}

/** Builds the API application (not yet listening), as main.ts and the tests use it. */
export async function createApiApp(
  config: ApiConfig,
  logger: LogLevel[] | false = ['error', 'warn'],
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.register(config), {
    logger,
    bodyParser: false,
  });
  app.useBodyParser('json', {
    limit: JSON_BODY_LIMIT,
    strict: false,
    type: ['application/json', 'application/*+json'],
    verify: checkJsonBody,
  });
  app.useGlobalInterceptors(new JsonContentTypeInterceptor(app.get(Reflector)));
  app.useGlobalPipes(new RequestValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  app.enableShutdownHooks();
  replyToClientErrors(app.getHttpServer());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Duban API (督办)')
      .setDescription(
        'Supervision of the rectification of major fire hazards (重大火灾隐患挂牌督办). ' +
          'Errors are RFC 9457 problem+json; title and detail are Chinese unless Accept-Language prefers English.',
      )
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  new Logger('api').debug('OpenAPI document at /docs/openapi.json');
  return app;
}
