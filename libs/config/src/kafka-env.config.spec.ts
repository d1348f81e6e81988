import { loadConfig } from './config-loader';
import { KafkaEnvConfig } from './kafka-env.config';

describe(KafkaEnvConfig.name, () => {
  it("has each topic's TOPIC_PARTITIONS_* setting, its default the pipeline's", () => {
    const config = loadConfig(KafkaEnvConfig, { TOPIC_PARTITIONS_TRANSLATED: '12' });
    expect(config).toMatchObject({ TOPIC_PARTITIONS_RAW: 3, TOPIC_PARTITIONS_INGESTED: 3, TOPIC_PARTITIONS_TRANSLATED: 12, TOPIC_PARTITIONS_EXTRACTED: 1, TOPIC_PARTITIONS_ENRICHED: 3 });
  });

  it('refuses a partition count that is not a whole number from 1 to 1000', () => {
    expect(() => loadConfig(KafkaEnvConfig, { TOPIC_PARTITIONS_RAW: '0', TOPIC_PARTITIONS_ENRICHED: 'many' })).toThrow(/TOPIC_PARTITIONS_RAW="0"[\s\S]*TOPIC_PARTITIONS_ENRICHED="many"/);
    expect(() => loadConfig(KafkaEnvConfig, { TOPIC_PARTITIONS_EXTRACTED: '1001' })).toThrow(/TOPIC_PARTITIONS_EXTRACTED="1001"/);
  });
});
