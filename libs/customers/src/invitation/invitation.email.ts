import type { Language } from '../common/domain.constants.js';
import { INVITATION_EMAIL_TEXTS } from './invitation-email.texts.js';

/** What the invitation email is written from. */
export interface InvitationEmailInput {
  readonly language: Language;
  readonly partnerName: string;
  /** The personalised acceptance URL; it appears in the body verbatim, on a line of its own. */
  readonly url: string;
  readonly includeDelegatedAdmin: boolean;
  /** ISO-8601 instant; written in the language's format, in UTC. */
  readonly expiresAt: string;
}

/** A plain-text email draft the partner may edit (keeping the URL) before sending it. */
export interface EmailDraft {
  readonly subject: string;
  readonly body: string;
}

/** The invitation email draft, in the partner's chosen language (plain text, not HTML). */
export function invitationEmail(input: InvitationEmailInput): EmailDraft {
  const texts = INVITATION_EMAIL_TEXTS[input.language];
  const partner = input.partnerName;
  const paragraphs = [
    texts.greeting,
    texts.offer(partner),
    ...(input.includeDelegatedAdmin ? [texts.delegatedAdmin(partner)] : []),
    texts.howToAccept,
    input.url,
    texts.validity(formatInstant(input.expiresAt, texts.locale)),
    `${texts.closing}\n${partner}`,
  ];
  return { subject: texts.subject(partner), body: paragraphs.join('\n\n') };
}

/** e.g. "5 December 2026 at 10:00 UTC", "5. prosince 2026 v 10:00 UTC". */
function formatInstant(instant: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(new Date(instant));
}
