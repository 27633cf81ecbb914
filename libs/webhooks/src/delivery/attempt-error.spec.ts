import { describeAttemptError } from './attempt-error.js';

function failure(
  code: string | undefined,
  message = 'failed at https://hooks.example/x?token=s3cr3t',
) {
  return Object.assign(new Error(message), { code });
}

describe('describeAttemptError', () => {
  it.each([
    [failure('ECONNREFUSED'), 'connection refused'],
    [failure('ECONNRESET', 'socket hang up'), 'socket hang up'],
    [failure('ECONNRESET'), 'connection reset'],
    [failure('CERT_HAS_EXPIRED'), 'certificate has expired'],
    [failure('ERR_TLS_CERT_ALTNAME_INVALID'), 'certificate does not match the host name'],
    [failure('HPE_INVALID_CONSTANT'), 'invalid HTTP response'],
    [failure('ERR_SSL_WRONG_VERSION_NUMBER'), 'TLS failed: wrong version number'],
    [
      failure(
        'EPROTO',
        'write EPROTO 80:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:x.c:350:',
      ),
      'TLS failed: wrong version number',
    ],
    [failure('EPROTO'), 'TLS failed'],
    [
      failure('ERR_INVALID_CHAR', 'Invalid character in header content ["webhook-id"]'),
      'request failed (ERR_INVALID_CHAR)',
    ],
    [failure(undefined), 'request failed'],
    ['not an error', 'request failed'],
  ])('describes %p by its code only', (error, expected) => {
    expect(describeAttemptError(error)).toBe(expected);
  });

  it('describes a failure on every checked address by the first one', () => {
    const error = new AggregateError([failure('ECONNREFUSED'), failure('ETIMEDOUT')], '');
    expect(describeAttemptError(error)).toBe('connection refused');
  });
});
