import { KafkaConnectionOptions, KafkaMessageBroker, parseBrokers, PrefixedMessageBroker, SaslMechanism } from '@eventwire/kafka';
import { AuditReport, auditPipeline } from '@eventwire/stages';

export interface AuditOptions {
  brokers: string;
  prefix?: string;
  from?: string;
  to?: string;
  json: boolean;
  /** Keep auditing until the report balances, up to this many milliseconds. */
  wait?: number;
}

/** SASL and TLS from the same variables the services read (KAFKA_SSL, KAFKA_SASL_*), so no secret is typed on a command line. */
export function kafkaOptionsFromEnv(brokers: string, clientId: string, env: NodeJS.ProcessEnv = process.env): KafkaConnectionOptions {
  const options: KafkaConnectionOptions = { brokers: parseBrokers(brokers), clientId, ssl: env.KAFKA_SSL === 'true' };
  if (env.KAFKA_SASL_MECHANISM) {
    options.sasl = { mechanism: env.KAFKA_SASL_MECHANISM as SaslMechanism, username: env.KAFKA_SASL_USERNAME ?? '', password: env.KAFKA_SASL_PASSWORD ?? '' };
  }
  return options;
}

function date(value: string | undefined, name: string): Date | undefined {
  if (value === undefined) return undefined;
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) throw new Error(`--${name} "${value}" is not a date (use ISO 8601, e.g. 2026-11-23T10:00:00Z)`);
  return parsed;
}

const counts = (c: Record<string, number>): string =>
  Object.entries(c)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ') || 'none';

const sum = (c: Record<string, number>): number => Object.values(c).reduce((a, b) => a + b, 0);

/** The report as an operator reads it. */
export function formatAudit(r: AuditReport): string {
  const n = (x: number): string => x.toLocaleString('en-US');
  const deadArticles = Object.values(r.articles.deadLettered).reduce((sum, c) => sum + Object.values(c).reduce((a, b) => a + b, 0), 0);
  const lines = [
    `range: ${r.range.from ?? 'beginning'} .. ${r.range.to ?? 'now'}`,
    `entered: ${n(r.entered.raw)} records on articles.raw.v1, ${n(r.entered.http)} articles over HTTP`,
    `rejected at ingestion: ${n(sum(r.rejected) + sum(r.rejectedOverHttp))} (on articles.raw.v1: ${counts(r.rejected)}; over HTTP: ${counts(r.rejectedOverHttp)})`,
    `articles accepted: ${n(r.articles.accepted)} (+ ${n(r.articles.duplicates)} repeats of an accepted article, counted once)`,
    `  in stories:      ${n(r.articles.inStories)}`,
    `  dead-lettered:   ${n(deadArticles)}${Object.entries(r.articles.deadLettered)
      .map(([stage, c]) => ` [${stage}: ${counts(c)}]`)
      .join('')}`,
    `  in flight:       ${n(r.articles.inFlight)}`,
    `  in >1 story:     ${n(r.articles.inSeveralStories)}`,
    'stages (input records → output, dead letters, pending; redelivered = outputs redone after a crash or rebalance):',
    ...r.stages.map(
      (s) =>
        `  ${s.stage.padEnd(10)} ${s.input.padEnd(22)} ${n(s.records).padStart(8)} → ${n(s.processed)} out, ${n(Object.values(s.deadLettered).reduce((a, b) => a + b, 0))} dead, ${n(s.pending)} pending, ${n(s.redelivered)} redelivered`,
    ),
    r.balanced ? 'BALANCED: every article entered is in one story or a dead-letter topic' : 'NOT BALANCED: some records are pending, in flight, or in more than one story',
  ];
  return lines.join('\n');
}

/** Accounts for what entered a deployment (or one run: its topic prefix) in a time range; exit code 3 when it does not balance. */
export async function auditCommand(options: AuditOptions): Promise<void> {
  const range = { from: date(options.from, 'from'), to: date(options.to, 'to') };
  const kafka = new KafkaMessageBroker(kafkaOptionsFromEnv(options.brokers, 'eventwire-audit'));
  const broker = new PrefixedMessageBroker(kafka, options.prefix ?? '');
  try {
    const deadline = Date.now() + (options.wait ?? 0);
    let report = await auditPipeline(broker, range);
    while (!report.balanced && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      report = await auditPipeline(broker, range);
    }
    process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatAudit(report)}\n`);
    if (!report.balanced) process.exitCode = 3;
  } finally {
    await kafka.close();
  }
}
