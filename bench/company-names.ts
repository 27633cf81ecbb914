import type { BillingProfile } from '@customer-workspace/customers';
import type { SeededRandom } from './seeded-random.js';

/** First words of company names: the partners' markets (accents included) and Microsoft's. */
const FIRST = [
  'Žluťoučký',
  'Šťastný',
  'Černý',
  'Dvořák',
  'Nováková',
  'Ómega',
  'Győri',
  'Kovács',
  'Szabó',
  'Müller',
  'Bäckerei',
  'Großhandel',
  'Peña',
  'Niño',
  'Andaluza',
  'Łódzki',
  'Øresund',
  'Contoso',
  'Fabrikam',
  'Northwind',
  'Adventure',
  'Tailspin',
  'Wingtip',
  'Litware',
  'Proseware',
  'Woodgrove',
  'Alpine',
  'Coho',
  'Lucerne',
  'Relecloud',
  'Trey',
  'Humongous',
  'Southridge',
  'Margie',
  'Datum',
  'Fourth',
  'Blue',
  'Wide',
  'Graphic',
  'Tasmanian',
] as const;

const SECOND = [
  'kůň',
  'Stavby',
  'Pekárna',
  'Technik',
  'Logistik',
  'Energie',
  'Szolgáltató',
  'Építő',
  'Autó',
  'Soluciones',
  'Consultoría',
  'Informática',
  'Systems',
  'Traders',
  'Foods',
  'Media',
  'Insurance',
  'Airlines',
  'Bank',
  'Coffee',
  'Yonder',
  'World',
  'Design',
  'Winery',
  'Travel',
  'Health',
] as const;

/** Tag names partners give (the first 20 tags of a partner; more get a number). */
export const TAG_NAMES = [
  'VIP',
  'Renewal Q1',
  'Renewal Q4',
  'Migrace',
  'Migración',
  'Kiemelt ügyfél',
  'Öffentlicher Sektor',
  'Školství',
  'Healthcare',
  'Nonprofit',
  'Churn risk',
  'Upsell',
  'Teams Phone',
  'Azure credits',
  'Velkoobchod',
  'Pilot',
  'Enterprise',
  'SMB',
  'Partner-led',
  'Onboarding',
];

const SUFFIX = ['s.r.o.', 'a.s.', 'GmbH', 'AG', 'Kft.', 'Zrt.', 'S.L.', 'S.A.', 'Ltd', 'Inc.'];

/** `Žluťoučký kůň` → `zlutouckykun`: how a company turns its name into a tenant domain. */
export const slug = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ł/g, 'l')
    .replace(/ø/g, 'o')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]/g, '');

export interface Company {
  readonly companyName: string;
  readonly domain: string;
}

/**
 * A company name and its `<name><n>.onmicrosoft.com` domain (unique by `n`). About 10,000
 * distinct names: many companies share one, as branches and namesakes do.
 */
export function company(random: SeededRandom, n: number): Company {
  const first = random.pick(FIRST);
  const second = random.pick(SECOND);
  const companyName = `${first} ${second} ${random.pick(SUFFIX)}`;
  return { companyName, domain: `${slug(first + second)}${n.toString(36)}.onmicrosoft.com` };
}

/** A billing profile of `company` in one of the partners' countries. */
export function billingProfileOf(
  random: SeededRandom,
  { companyName, domain }: Company,
): BillingProfile {
  const [culture, language, city, postalCode, country] = random.pick([
    ['cs-CZ', 'cs', 'Praha', '110 00', 'CZ'],
    ['hu-HU', 'hu', 'Győr', '9021', 'HU'],
    ['de-DE', 'de', 'München', '80331', 'DE'],
    ['es-ES', 'es', 'Sevilla', '41001', 'ES'],
    ['en-GB', 'en', 'Leeds', 'LS1 4AP', 'GB'],
  ] as const);
  return {
    companyName,
    email: `billing${random.int(100)}@${domain}`,
    culture,
    language,
    firstName: random.pick(['Jana', 'Péter', 'Jürgen', 'Lucía', 'Oliver']),
    lastName: random.pick(['Nováková', 'Kovács', 'Müller', 'García', 'Smith']),
    defaultAddress: {
      addressLine1: `${random.pick(['Na Příkopě', 'Baross út', 'Hauptstraße', 'Calle Sierpes', 'Park Row'])} ${1 + random.int(120)}`,
      city,
      postalCode,
      country,
    },
  };
}
