/** Languages of `Customers.csv` (docs/product.md rule 2). */
export const EXPORT_LANGUAGES = ['en', 'cs', 'de', 'es', 'hu'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

/** The five column headers, per language, exactly as docs/product.md rule 2 lists them. */
export const CUSTOMER_EXPORT_HEADERS: Readonly<Record<ExportLanguage, readonly string[]>> = {
  en: ['Microsoft ID', 'Company name', 'Primary domain name', 'Relationship', 'Tags'],
  cs: ['Microsoft ID', 'Název společnosti', 'Název primární domény', 'Vztah', 'Značky'],
  de: ['Microsoft-ID', 'Unternehmensname', 'Primärer Domänenname', 'Beziehung', 'Tags'],
  es: [
    'Id. de Microsoft',
    'Nombre de la compañía',
    'Nombre del dominio principal',
    'Relación',
    'Etiquetas',
  ],
  hu: ['Microsoft-azonosító', 'Cégnév', 'Elsődleges tartománynév', 'Kapcsolat', 'Címkék'],
};

/**
 * Relationship labels. English is docs/product.md's; the others are our translations, after Partner
 * Center's wording in those languages.
 */
export const RELATIONSHIP_LABELS: Readonly<Record<ExportLanguage, Record<string, string>>> = {
  en: {
    'direct-reseller': 'Cloud reseller',
    'indirect-reseller': 'Indirect reseller',
    'indirect-provider': 'Indirect provider',
  },
  cs: {
    'direct-reseller': 'Cloudový prodejce',
    'indirect-reseller': 'Nepřímý prodejce',
    'indirect-provider': 'Nepřímý poskytovatel',
  },
  de: {
    'direct-reseller': 'Cloud-Reseller',
    'indirect-reseller': 'Indirekter Reseller',
    'indirect-provider': 'Indirekter Anbieter',
  },
  es: {
    'direct-reseller': 'Revendedor en la nube',
    'indirect-reseller': 'Revendedor indirecto',
    'indirect-provider': 'Proveedor indirecto',
  },
  hu: {
    'direct-reseller': 'Felhőszolgáltatás-viszonteladó',
    'indirect-reseller': 'Közvetett viszonteladó',
    'indirect-provider': 'Közvetett szolgáltató',
  },
};
