import { IsInt, MinLength, Min } from 'class-validator';
import { ConfigValidationError, loadConfig } from './config-loader';
import { KafkaEnvConfig } from './kafka-env.config';

class SampleConfig {
  @IsInt() @Min(1) HTTP_PORT: number = 3000;
  @IsInt() @Min(1) MAX_BYTES: number = 10;
}

class SecretConfig {
  @MinLength(8) API_TOKEN: string = '';
}

describe(loadConfig.name, () => {
  it('applies defaults and converts given values', () => {
    const config = loadConfig(SampleConfig, { HTTP_PORT: '8080' });
    expect(config.HTTP_PORT).toBe(8080);
    expect(config.MAX_BYTES).toBe(10);
  });

  it('lists every bad KEY=value at once', () => {
    try {
      loadConfig(SampleConfig, { HTTP_PORT: 'abc', MAX_BYTES: '0' });
      throw new Error('expected a ConfigValidationError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigValidationError);
      const problems = (error as ConfigValidationError).problems;
      expect(problems).toHaveLength(2);
      expect(problems[0]).toContain('HTTP_PORT');
      expect(problems[1]).toContain('MAX_BYTES="0"');
    }
  });

  it('never prints secret values', () => {
    const bad = { KAFKA_SASL_MECHANISM: 'md5', KAFKA_SASL_PASSWORD: 'hunter2', KAFKA_SSL: 'maybe' };
    expect(() => loadConfig(KafkaEnvConfig, bad)).toThrow(/KAFKA_SASL_MECHANISM="md5"/);
    expect(() => loadConfig(KafkaEnvConfig, bad)).toThrow(/KAFKA_SSL="maybe"/);
    expect(() => loadConfig(SecretConfig, { API_TOKEN: 'hunter2' })).toThrow(/API_TOKEN=\*\*\*/);
    expect(() => loadConfig(SecretConfig, { API_TOKEN: 'hunter2' })).not.toThrow(/hunter2/);
  });
});
