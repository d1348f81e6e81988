import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { topicSchemaFile } from './topic-schema-file';

/** The contracts' JSON Schemas, one file per topic, for subscribers that check what they read. */
@ApiTags('contracts')
@Controller()
export class SchemasController {
  @Get('v1/schemas/:file')
  @ApiOperation({ summary: 'The JSON Schema of a topic’s records (the same as the components of this document)' })
  @ApiParam({ name: 'file', example: 'events.enriched.v1.schema.json' })
  @ApiOkResponse({ description: 'the schema', schema: { type: 'object' } })
  @ApiNotFoundResponse({ description: 'no such topic' })
  schema(@Param('file') file: string): object {
    const found = topicSchemaFile(file);
    if (!found) throw new NotFoundException(`no schema ${file}`);
    return found;
  }
}
