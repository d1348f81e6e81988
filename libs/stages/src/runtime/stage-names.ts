export type StageName = 'ingestor' | 'translator' | 'extractor' | 'aggregator';

/** The consumer group of each stage: every instance of a stage shares it, so partitions are split between them. */
export function stageGroupId(stage: StageName): string {
  return `eventwire.${stage}`;
}
