import { contractComponentSchemas } from '@eventwire/contracts';
import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export interface ApiDocsInfo {
  title: string;
  description: string;
}

/** Where a service serves its OpenAPI document (the aggregator's hand-written one was there first) and its UI. */
export const OPENAPI_JSON_PATH = 'v1/openapi.json';
export const API_DOCS_PATH = 'docs';

/**
 * A service's OpenAPI 3 document, generated from its controllers' routes and
 * decorators, with the topic contracts' JSON Schemas as components (the
 * records the API takes and returns are the records on the topics).
 */
export function apiDocument(app: INestApplication, info: ApiDocsInfo): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(info.title)
    .setDescription(info.description)
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'INGEST_API_TOKEN, when it is set' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = { ...document.components, schemas: { ...contractComponentSchemas(), ...document.components?.schemas } };
  return document;
}

/**
 * Serves the document at `/v1/openapi.json` and Swagger UI at `/docs`, its
 * assets from the swagger-ui-dist package in node_modules: the page loads
 * nothing from elsewhere (the UI's online validator badge is off).
 */
export function serveApiDocs(app: INestApplication, info: ApiDocsInfo): OpenAPIObject {
  const document = apiDocument(app, info);
  SwaggerModule.setup(API_DOCS_PATH, app, document, {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    raw: ['json'],
    customSiteTitle: info.title,
    swaggerOptions: { validatorUrl: null },
  });
  return document;
}
