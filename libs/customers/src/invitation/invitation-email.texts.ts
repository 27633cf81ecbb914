import type { Language } from '../common/domain.constants.js';

/** The wording of the invitation email in one language. */
export interface InvitationEmailTexts {
  /** BCP 47 locale the expiry instant is written in. */
  readonly locale: string;
  readonly subject: (partner: string) => string;
  readonly greeting: string;
  readonly offer: (partner: string) => string;
  readonly delegatedAdmin: (partner: string) => string;
  readonly howToAccept: string;
  readonly validity: (expires: string) => string;
  readonly closing: string;
}

/** Invitation email wording per language (en, cs, de, es, hu). */
export const INVITATION_EMAIL_TEXTS: Readonly<Record<Language, InvitationEmailTexts>> = {
  en: {
    locale: 'en-GB',
    subject: (p) => `${p} invites you to a reseller relationship`,
    greeting: 'Hello,',
    offer: (p) =>
      `${p} would like to become your Microsoft cloud reseller, so that it can sell you cloud subscriptions and manage them on your behalf.`,
    delegatedAdmin: (p) =>
      `By accepting, you also grant ${p} delegated administration privileges for your organisation's tenant. You can remove them at any time.`,
    howToAccept:
      'To accept, open the following link while signed in as a global administrator of your organisation:',
    validity: (e) => `The link is personal and can be used only once. It expires on ${e}.`,
    closing: 'Kind regards,',
  },
  cs: {
    locale: 'cs-CZ',
    subject: (p) => `${p} vás zve k navázání vztahu s prodejcem`,
    greeting: 'Dobrý den,',
    offer: (p) =>
      `společnost ${p} by se ráda stala vaším prodejcem cloudových služeb Microsoft, aby vám mohla prodávat cloudová předplatná a spravovat je vaším jménem.`,
    delegatedAdmin: (p) =>
      `Přijetím pozvánky zároveň udělíte společnosti ${p} delegovaná oprávnění správce pro tenanta vaší organizace. Tato oprávnění můžete kdykoli odebrat.`,
    howToAccept:
      'Pozvánku přijmete otevřením následujícího odkazu, když budete přihlášeni jako globální správce vaší organizace:',
    validity: (e) => `Odkaz je určen jen vám a lze jej použít pouze jednou. Platnost vyprší ${e}.`,
    closing: 'S pozdravem',
  },
  de: {
    locale: 'de-DE',
    subject: (p) => `${p} lädt Sie zu einer Reseller-Beziehung ein`,
    greeting: 'Guten Tag,',
    offer: (p) =>
      `${p} möchte Ihr Microsoft-Cloud-Reseller werden, um Ihnen Cloud-Abonnements zu verkaufen und diese in Ihrem Auftrag zu verwalten.`,
    delegatedAdmin: (p) =>
      `Mit der Annahme gewähren Sie ${p} außerdem delegierte Administratorberechtigungen für den Mandanten Ihrer Organisation. Sie können diese jederzeit wieder entziehen.`,
    howToAccept:
      'Um die Einladung anzunehmen, öffnen Sie den folgenden Link, während Sie als globaler Administrator Ihrer Organisation angemeldet sind:',
    validity: (e) => `Der Link ist persönlich und nur einmal verwendbar. Er läuft am ${e} ab.`,
    closing: 'Mit freundlichen Grüßen',
  },
  es: {
    locale: 'es-ES',
    subject: (p) => `${p} le invita a establecer una relación de revendedor`,
    greeting: 'Hola:',
    offer: (p) =>
      `${p} desea convertirse en su revendedor de servicios en la nube de Microsoft para poder venderle suscripciones en la nube y administrarlas en su nombre.`,
    delegatedAdmin: (p) =>
      `Al aceptar, también concede a ${p} privilegios de administración delegada para el inquilino de su organización. Puede retirarlos en cualquier momento.`,
    howToAccept:
      'Para aceptar, abra el siguiente vínculo con la sesión iniciada como administrador global de su organización:',
    validity: (e) => `El vínculo es personal y solo puede usarse una vez. Caduca el ${e}.`,
    closing: 'Atentamente,',
  },
  hu: {
    locale: 'hu-HU',
    subject: (p) => `${p} – meghívás viszonteladói kapcsolatra`,
    greeting: 'Tisztelt Ügyfelünk!',
    offer: (p) =>
      `A(z) ${p} szeretne az Ön Microsoft-felhőszolgáltatási viszonteladója lenni, hogy felhőalapú előfizetéseket értékesíthessen Önnek, és azokat az Ön nevében kezelhesse.`,
    delegatedAdmin: (p) =>
      `Az elfogadással delegált rendszergazdai jogosultságokat is ad a(z) ${p} számára a szervezete bérlőjéhez. Ezeket bármikor visszavonhatja.`,
    howToAccept:
      'Az elfogadáshoz nyissa meg az alábbi hivatkozást a szervezete globális rendszergazdájaként bejelentkezve:',
    validity: (e) =>
      `A hivatkozás személyre szól, és csak egyszer használható. Érvényessége lejár: ${e}.`,
    closing: 'Üdvözlettel:',
  },
};
