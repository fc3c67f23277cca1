/**
 * The capability list as the product starts with it ("wat kan deze partner"), from issue 15 and the
 * background documents (000 §2.5, 001 ch. 3, 003). Administrators add, rename and retire values in the
 * product; this list only seeds an empty table.
 */
export const CAPABILITY_SEED: { code: string; nameNl: string; nameEn: string }[] = [
  { code: 'walk-in-hour', nameNl: 'Spreekuur op eigen locatie', nameEn: 'Walk-in hour at their venue' },
  { code: 'information-meeting', nameNl: 'Voorlichting', nameEn: 'Information meetings' },
  { code: 'referral', nameNl: 'Toeleiding', nameEn: 'Referral (toeleiding)' },
  { code: 'accompany', nameNl: 'Meegaan naar afspraken', nameEn: 'Going along to appointments' },
  { code: 'mediation', nameNl: 'Bemiddelen', nameEn: 'Mediating' },
  { code: 'confidant', nameNl: 'Vertrouwenspersoon', nameEn: 'Confidant' },
  { code: 'duo-coaching', nameNl: 'Duo-coaching', nameEn: 'Duo coaching' },
  { code: 'interpreting', nameNl: 'Tolken', nameEn: 'Interpreting' },
  { code: 'translation', nameNl: 'Vertalen van schriftelijk materiaal', nameEn: 'Translation of written material' },
  { code: 'buddy', nameNl: 'Maatje (buddy)', nameEn: 'Buddy' },
  { code: 'meeting-place', nameNl: 'Ruimte beschikbaar stellen', nameEn: 'Providing a meeting room' },
];
