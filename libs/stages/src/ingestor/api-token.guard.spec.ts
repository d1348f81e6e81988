import { ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { ApiTokenGuard } from './api-token.guard';

const TOKEN = 'a-bearer-token-of-some-length-42';
const request = (authorization?: string): ExecutionContext =>
  ({ switchToHttp: () => ({ getRequest: () => ({ headers: { authorization } }) }) }) as unknown as ExecutionContext;

describe(ApiTokenGuard.name, () => {
  it('lets the right bearer token in and refuses every other header with 401', () => {
    const guard = new ApiTokenGuard(TOKEN);
    expect(guard.canActivate(request(`Bearer ${TOKEN}`))).toBe(true);
    for (const header of [undefined, '', TOKEN, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, 'Bearer a', `Basic ${TOKEN}`]) {
      expect(() => guard.canActivate(request(header))).toThrow(UnauthorizedException);
    }
  });

  it('is open without a token', () => {
    expect(new ApiTokenGuard(null).canActivate(request())).toBe(true);
  });
});
