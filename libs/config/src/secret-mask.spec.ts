import { IsString, Matches } from 'class-validator';
import { loadConfig } from './config-loader';
import { maskSecrets, shownValue } from './secret-mask';

class DatabaseConfig {
  @Matches(/^(postgres(ql)?:\/\/.+|pglite:.+|memory:)$/) DATABASE_URL: string = 'memory:';
  @Matches(/^https?:\/\/\S+$/, { message: 'SERVICE_URL must be an http(s) URL, not $value' }) SERVICE_URL: string = 'http://localhost';
  @IsString() NAME: string = 'x';
}

describe(maskSecrets.name, () => {
  it('masks the password of a URL and keeps the rest', () => {
    expect(maskSecrets('postgres://eventwire:s3cret-pw@db.internal:5432/stories')).toBe('postgres://eventwire:***@db.internal:5432/stories');
    expect(maskSecrets('postgresql://eventwire@db:5432/stories')).toBe('postgresql://eventwire@db:5432/stories');
  });

  it('masks credential parameters of a URL', () => {
    const shown = maskSecrets('http://mt.local:5000/translate?api_key=k3y-value&target=en&sslpassword=pw9');
    expect(shown).toBe('http://mt.local:5000/translate?api_key=***&target=en&sslpassword=***');
  });

  it('masks what could be a password in text that is not a URL', () => {
    expect(maskSecrets('postgres//eventwire:s3cret-pw@db:5432/x')).toBe('***@db:5432/x');
    expect(maskSecrets('postgres://eventwire:p@ss:w0rd@db:notaport/x')).not.toMatch(/p@ss|w0rd/);
    expect(maskSecrets('host=db user=eventwire password=s3cret-pw')).toBe('host=db user=eventwire password=***');
    expect(maskSecrets('127.0.0.1:9092')).toBe('127.0.0.1:9092');
  });

  it('shows nothing of a setting named as a secret', () => {
    expect(shownValue('KAFKA_SASL_PASSWORD', 'hunter2')).toBe('***');
    expect(shownValue('HTTP_PORT', 'abc')).toBe('"abc"');
  });
});

describe(`${loadConfig.name} with secrets in values`, () => {
  it('never prints the password of an invalid DATABASE_URL', () => {
    const attempt = (): unknown => loadConfig(DatabaseConfig, { DATABASE_URL: 'mysql://eventwire:s3cret-pw@db:3306/stories' });
    expect(attempt).toThrow(/DATABASE_URL="mysql:\/\/eventwire:\*\*\*@db:3306\/stories"/);
    expect(attempt).not.toThrow(/s3cret-pw/);
  });

  it('masks a value that a rule message quotes', () => {
    const attempt = (): unknown => loadConfig(DatabaseConfig, { SERVICE_URL: 'ftp://u:pa55word@host/x' });
    expect(attempt).toThrow(/SERVICE_URL must be an http\(s\) URL, not ftp:\/\/u:\*\*\*@host\/x/);
    expect(attempt).not.toThrow(/pa55word/);
  });
});
