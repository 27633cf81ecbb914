import { LANGUAGES } from '../common/domain.constants.js';
import { invitationEmail } from './invitation.email.js';

const input = {
  partnerName: 'Contoso Partner',
  url: 'https://workspace.example/accept?invitation=i-1&token=s3cr3t_T0k3n-x',
  includeDelegatedAdmin: false,
  expiresAt: '2026-12-05T10:00:00.000Z',
};

describe('the invitation email draft', () => {
  it.each(LANGUAGES)(
    'contains the url verbatim on a line of its own and names the partner (%s)',
    (language) => {
      const email = invitationEmail({ ...input, language });
      expect(email.body.split('\n')).toContain(input.url);
      expect(email.subject).toContain(input.partnerName);
      expect(email.body).toContain(input.partnerName);
    },
  );

  it('is written in the chosen language, with the expiry in its format', () => {
    const subjects = LANGUAGES.map((language) => invitationEmail({ ...input, language }).subject);
    expect(new Set(subjects).size).toBe(LANGUAGES.length);
    expect(invitationEmail({ ...input, language: 'en' }).body).toContain('5 December 2026');
    expect(invitationEmail({ ...input, language: 'cs' }).body).toContain('5. prosince 2026');
    expect(invitationEmail({ ...input, language: 'de' }).body).toContain('5. Dezember 2026');
    expect(invitationEmail({ ...input, language: 'es' }).body).toContain('5 de diciembre de 2026');
    expect(invitationEmail({ ...input, language: 'hu' }).body).toContain('2026. december 5.');
  });

  it('mentions delegated admin privileges only when they are requested', () => {
    const without = invitationEmail({ ...input, language: 'de' }).body;
    const withDap = invitationEmail({ ...input, language: 'de', includeDelegatedAdmin: true }).body;
    expect(without).not.toContain('delegierte Administratorberechtigungen');
    expect(withDap).toContain('delegierte Administratorberechtigungen');
  });

  it('reads as expected in English', () => {
    expect(invitationEmail({ ...input, language: 'en', includeDelegatedAdmin: true })).toEqual({
      subject: 'Contoso Partner invites you to a reseller relationship',
      body: [
        'Hello,',
        'Contoso Partner would like to become your Microsoft cloud reseller, so that it can sell you cloud subscriptions and manage them on your behalf.',
        "By accepting, you also grant Contoso Partner delegated administration privileges for your organisation's tenant. You can remove them at any time.",
        'To accept, open the following link while signed in as a global administrator of your organisation:',
        input.url,
        'The link is personal and can be used only once. It expires on 5 December 2026 at 10:00 UTC.',
        'Kind regards,\nContoso Partner',
      ].join('\n\n'),
    });
  });
});
