import { kafkaLogLevel } from './broker-factory';

describe(kafkaLogLevel.name, () => {
  it("passes kafkajs' warnings and errors at the default level, its info and debug lines only when the service's debug is asked for", () => {
    expect(kafkaLogLevel('log')).toBe('warn');
    expect(kafkaLogLevel('warn')).toBe('warn');
    expect(kafkaLogLevel('debug')).toBe('debug');
    expect(kafkaLogLevel('verbose')).toBe('debug');
    expect(kafkaLogLevel('error')).toBe('error');
    expect(kafkaLogLevel('fatal')).toBe('error');
  });
});
