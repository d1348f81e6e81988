import 'reflect-metadata';
import { TOPICS } from '@eventwire/contracts';
import { Command, Option } from 'commander';
import { auditCommand } from './audit-command';
import { ingestCommand, MAX_BATCH_REQUEST_BYTES } from './ingest-command';
import { nonNegativeInt, positiveInt } from './option-parsers';
import { runCommand } from './run-command';
import { tailCommand } from './tail-command';

/** Progress is drawn on a terminal; in a log it is a plain line this often, or (the default) not at all. */
const progressEvery = (): Option =>
  new Option('--progress-every <seconds>', 'when stderr is not a terminal, a progress line this often (0: none)').default(0).argParser(nonNegativeInt);

const program = new Command('eventwire').description('News articles in, story-level event records out, over Kafka.');

program
  .command('run')
  .description('run the whole pipeline over files: embedded in this process, or over Kafka with --brokers')
  .argument('<paths...>', 'files or folders of .txt, .json, .ndjson, .html articles')
  .option('--brokers <list>', 'Kafka bootstrap servers (host:port,...); without it the pipeline runs embedded')
  .option('--prefix <prefix>', 'topic and group prefix on Kafka (default: a fresh run-<time>-<id>. prefix)')
  .option('--out <file>', 'write NDJSON here instead of stdout')
  .option('--topics <list>', 'comma-separated topics to write', TOPICS.eventsEnriched)
  .option('--all-versions', 'write every story update, not only the latest per story', false)
  .addOption(new Option('--timeout <ms>', 'how long to wait for the pipeline to drain over Kafka').default(120_000).argParser(positiveInt))
  .addOption(new Option('--log-level <level>').choices(['log', 'warn', 'error']).default('warn'))
  .addOption(progressEvery())
  .addOption(new Option('--serve <port>', 'after the run, serve the page, the story API and the live stream on this port until stopped').argParser(nonNegativeInt))
  .option('--host <host>', 'the address --serve listens on', '127.0.0.1')
  .action((paths: string[], options) => runCommand(paths, options));

program
  .command('ingest')
  .description('feed files to a running deployment, over HTTP in NDJSON batches (--url) or onto articles.raw.v1 (--brokers)')
  .argument('<paths...>', 'files or folders of articles (.ndjson and .jsonl are streamed line by line)')
  .option('--url <url>', 'base URL of the ingestor HTTP API')
  .option('--brokers <list>', 'Kafka bootstrap servers')
  .option('--prefix <prefix>', 'topic prefix of the deployment (KAFKA_TOPIC_PREFIX)')
  .option('--token <token>', 'bearer token for the ingestor API (or EVENTWIRE_TOKEN)', process.env.EVENTWIRE_TOKEN)
  .addOption(new Option('--concurrency <n>', 'batch requests in flight at once').default(4).argParser(positiveInt))
  .addOption(new Option('--batch <n>', `articles per batch request or send (a request stays under ${MAX_BATCH_REQUEST_BYTES / 1024 / 1024} MiB)`).default(500).argParser(positiveInt))
  .addOption(progressEvery())
  .action((paths: string[], options) => ingestCommand(paths, options));

program
  .command('tail')
  .description('subscribe to a topic and print its records as NDJSON')
  .argument('<topic>', `e.g. ${TOPICS.eventsEnriched}`)
  .requiredOption('--brokers <list>', 'Kafka bootstrap servers')
  .option('--prefix <prefix>', 'topic prefix of the deployment')
  .option('--from-beginning', 'start at the oldest record', false)
  .option('--group <id>', 'consumer group (default: a fresh one)')
  .action((topic: string, options) => tailCommand(topic, options));

program
  .command('audit')
  .description('account for every article that entered: in stories, dead-lettered (and why), or in flight; exit 3 unless it balances')
  .requiredOption('--brokers <list>', 'Kafka bootstrap servers (SASL/TLS from KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD, KAFKA_SSL)')
  .option('--prefix <prefix>', 'topic prefix of the deployment, or of one run (the prefix `eventwire run --brokers` printed)')
  .option('--from <time>', 'articles that entered at or after this time (ISO 8601)')
  .option('--to <time>', 'articles that entered before this time')
  .option('--json', 'print the report as JSON', false)
  .addOption(new Option('--wait <ms>', 're-audit until it balances, for at most this long (0: audit once)').default(0).argParser(nonNegativeInt))
  .action((options) => auditCommand(options));

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`eventwire: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
