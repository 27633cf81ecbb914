import Negotiator from 'negotiator';
import { EXPORT_LANGUAGES, type ExportLanguage } from '@customer-workspace/read-models';

/** `?lang=` wins; else the best `Accept-Language` match (`cs-CZ` → cs); else English. */
export function exportLanguage(
  lang: ExportLanguage | undefined,
  acceptLanguage: string | undefined,
): ExportLanguage {
  if (lang !== undefined) return lang;
  if (acceptLanguage === undefined) return 'en';
  const negotiator = new Negotiator({ headers: { 'accept-language': acceptLanguage } });
  return (negotiator.language([...EXPORT_LANGUAGES]) as ExportLanguage | undefined) ?? 'en';
}
