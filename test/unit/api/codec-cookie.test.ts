import { CODEC_COOKIE, codecCookieOf } from '../../../src/api/auth/codec-cookie';

const withCookie = (cookie?: string | string[]) => ({ headers: { cookie } });

describe("the codec cookie in a Web UI request's Cookie header", () => {
  it('is found among the other cookies the browser sends for the path', () => {
    expect(codecCookieOf(withCookie(`_ga=GA1.1; ${CODEC_COOKIE}=eyJhbGciOi.eyJzdWIi.c2ln; theme=dark`))).toBe(
      'eyJhbGciOi.eyJzdWIi.c2ln',
    );
  });

  it('is absent when the header is missing, malformed, empty-valued or only names a similar cookie', () => {
    expect(codecCookieOf(withCookie())).toBeUndefined();
    expect(codecCookieOf(withCookie(['a=1', 'b=2']))).toBeUndefined();
    expect(codecCookieOf(withCookie(`${CODEC_COOKIE}=`))).toBeUndefined();
    expect(codecCookieOf(withCookie(`x${CODEC_COOKIE}=abc; ${CODEC_COOKIE}x=def`))).toBeUndefined();
    expect(codecCookieOf(withCookie('garbage without equals'))).toBeUndefined();
  });
});
