// Generates seeds/demo/network.json: a FICTIONAL but plausible partner network for Utrecht.
//
// Everything here is invented: people, organisations, phone numbers, addresses. Names are random
// combinations of common first and family names, so any match with a real person is chance.
// Every record carries isDemo: true. A seeded PRNG makes the output byte-for-byte stable.
// Neighbourhood codes and centroids come from seeds/neighbourhoods/utrecht.json (run
// neighbourhoods.mjs first).
//
// Run: node seeds/generate/network.mjs

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const NB_FILE = resolve(here, '../neighbourhoods/utrecht.json');
const OUT = resolve(here, '../demo/network.json');

const TODAY = '2026-11-24'; // fixed "today" so the dates in the demo are stable
const MUNICIPALITY = 'GM0344';

// ---- deterministic randomness -----------------------------------------------------------------

function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(20261124);
const chance = (p) => rnd() < p;
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
function pickN(arr, n) {
  const a = [...arr];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, Math.min(n, a.length));
}
const groupBy = (arr, f) => arr.reduce((acc, x) => ((acc[f(x)] ??= []).push(x), acc), {}); // Node 20 lacks Object.groupBy
const weighted = (pairs) => {
  // [[value, weight], ...]
  let r = rnd() * pairs.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of pairs) {
    if ((r -= w) < 0) return v;
  }
  return pairs.at(-1)[0];
};

// ---- dates ------------------------------------------------------------------------------------

const DAY = 86400000;
const toDate = (iso) => Date.parse(iso + 'T00:00:00Z');
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const between = (a, b) => iso(toDate(a) + int(0, Math.round((toDate(b) - toDate(a)) / DAY)) * DAY);
const addDays = (d, n) => iso(toDate(d) + n * DAY);

// ~85% verified within the last 11 months, ~10% older than 12 months, ~5% never verified:
// the stale ones exist so the "needs review" screens have something to show.
function lastVerified() {
  const r = rnd();
  if (r < 0.05) return null;
  if (r < 0.15) return between('2024-02-01', addDays(TODAY, -380));
  return between(addDays(TODAY, -330), TODAY);
}
// Consent always precedes the first verification we record.
function consentBefore(verified) {
  if (!verified) return between('2023-09-01', addDays(TODAY, -20));
  const d = addDays(verified, -int(1, 420));
  return d < '2022-06-01' ? '2022-06-01' : d;
}

// ---- geography --------------------------------------------------------------------------------

const nb = JSON.parse(readFileSync(NB_FILE, 'utf8'));
const NBH = new Map(nb.neighbourhoods.map((n) => [n.code, n]));
const code = (short) => {
  // '0832' -> 'BU03440832', checked against the generated file
  const c = `BU0344${short}`;
  if (!NBH.has(c)) throw new Error(`unknown neighbourhood ${c}`);
  return c;
};
function km([lon1, lat1], [lon2, lat2]) {
  // haversine
  const r = Math.PI / 180,
    R = 6371.0088;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(a));
}
// The nearest other buurten, for "active in 1–3 neighbourhoods" around a home buurt.
function nearby(c, maxKm = 2.5) {
  const p = NBH.get(c).centroid;
  return [...NBH.values()]
    .filter((n) => n.code !== c)
    .map((n) => [n.code, km(p, n.centroid)])
    .filter(([, d]) => d <= maxKm)
    .sort((a, b) => a[1] - b[1])
    .map(([k]) => k);
}
function activeIn(home, extra) {
  return [home, ...pickN(nearby(home).slice(0, 5), extra)];
}
// Venue point: the buurt centroid moved by at most 250 m in a random direction.
function jitter([lon, lat], maxM = 250) {
  const d = maxM * Math.sqrt(rnd()),
    a = rnd() * 2 * Math.PI;
  const dLat = (d * Math.cos(a)) / 111320;
  const dLon = (d * Math.sin(a)) / (111320 * Math.cos((lat * Math.PI) / 180));
  return [Math.round((lon + dLon) * 1e5) / 1e5, Math.round((lat + dLat) * 1e5) / 1e5];
}

// Nearest 4-digit postcode area per buurt (derived once from the GeoNames PC4 points; it is a
// fact about which postcode area a neighbourhood lies in, not a copy of those points).
const PC4 = Object.fromEntries(
  `0111:3533 0112:3533 0113:3533 0114:3533 0121:3531 0122:3531 0123:3531
0124:3532 0131:3532 0132:3534 0133:3542 0211:3513 0212:3513 0221:3552 0222:3552 0223:3551 0224:3551
0231:3553 0232:3553 0233:3555 0241:3554 0242:3554 0243:3555 0244:3555 0311:3561 0312:3561 0321:3562
0322:3562 0331:3563 0332:3563 0333:3565 0341:3564 0342:3564 0343:3566 0411:3514 0412:3515 0413:3515
0414:3515 0415:3514 0421:3571 0422:3571 0423:3573 0431:3572 0432:3572 0433:3572 0511:3581 0512:3581
0521:3582 0522:3582 0523:3582 0524:3582 0525:3582 0526:3585 0531:3583 0532:3581 0533:3584 0534:3584
0535:3583 0611:3512 0612:3511 0613:3521 0621:3513 0622:3514 0623:3512 0624:3511 0625:3511 0626:3512
0627:3582 0628:3521 0711:3524 0712:3524 0721:3523 0722:3523 0723:3525 0731:3523 0732:3523 0733:3525
0811:3521 0812:3522 0821:3526 0822:3526 0823:3527 0831:3526 0832:3527 0911:3543 0912:3543 0913:3543
0921:3544 0922:3544 0931:3541 0932:3541 0933:3541 0934:3541 0941:3544 0942:3544 0943:3454 0951:3545
0952:3545 0953:3528 1011:3455 1012:3455 1013:3451 1014:3451 1021:3452 1022:3452 1023:3452 1024:3453
1031:3544 1032:3453 1033:3454 1041:3546`
    .trim()
    .split(/\s+/)
    .map((p) => p.split(':'))
    .map(([b, pc]) => [`BU0344${b}`, pc]),
);
// Postal place names inside the municipality of Utrecht.
const PLACE = { 3451: 'Vleuten', 3452: 'Vleuten', 3453: 'De Meern', 3454: 'De Meern', 3455: 'Haarzuilens' };
const POSTCODE_LETTERS = 'ABCDEGHJKLMNPRSTVWXZ'; // no F, I, O, Q, U, Y in Dutch postcodes
function postcode(buurt) {
  let letters;
  do {
    letters = pick([...POSTCODE_LETTERS]) + pick([...POSTCODE_LETTERS]);
  } while (['SA', 'SD', 'SS'].includes(letters));
  return `${PC4[buurt]} ${letters}`;
}
// Generic Dutch street names; house numbers are random. Invented addresses, not venues.
const STREETS = [
  'Lindelaan',
  'Esdoornstraat',
  'Kastanjeplein',
  'Wilgenhof',
  'Beukenlaan',
  'Merelstraat',
  'Zwanenhof',
  'Reigerplein',
  'Populierenweg',
  'Hazelaarstraat',
  'Vlierhof',
  'Meidoornplein',
  'Iepenlaan',
  'Lijsterbesstraat',
  'Berkenhof',
  'Acaciastraat',
  'Vuurdoornpad',
  'Ratelaarstraat',
  'Dotterbloemhof',
  'Korenbloemlaan',
];

// ---- phone numbers & e-mail -------------------------------------------------------------------

const usedPhones = new Set();
function uniquePhone(make) {
  let p;
  do p = make();
  while (usedPhones.has(p));
  usedPhones.add(p);
  return p;
}
// Dutch mobile numbers: 06- followed by 8 digits, first digit 1–5 (the ranges in use for mobiles).
const mobile = () => uniquePhone(() => `06-${int(1, 5)}${String(int(0, 9999999)).padStart(7, '0')}`);
// Utrecht landline: 030 plus 7 digits, shown as 030 2xx xxxx.
const landline = () => uniquePhone(() => `030 ${int(2, 8)}${String(int(0, 99)).padStart(2, '0')} ${String(int(0, 9999)).padStart(4, '0')}`);

const slug = (s) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .replace(/ł/g, 'l')
    .replace(/ş/g, 's')
    .replace(/ğ/g, 'g')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const usedEmails = new Set();
function personEmail(name) {
  const base = slug(name).replace(/-/g, '.');
  let e = `${base}@example.org`,
    i = 2;
  while (usedEmails.has(e)) e = `${base}${i++}@example.org`;
  usedEmails.add(e);
  return e;
}

// ---- communities, languages, names ------------------------------------------------------------

const COMMUNITIES = [
  ['somali', 'Somalische gemeenschap', 'Somali community'],
  ['eritrean', 'Eritrese gemeenschap', 'Eritrean community'],
  ['ethiopian', 'Ethiopische gemeenschap', 'Ethiopian community'],
  ['moroccan', 'Marokkaanse gemeenschap', 'Moroccan community'],
  ['turkish', 'Turkse gemeenschap', 'Turkish community'],
  ['kurdish', 'Koerdische gemeenschap', 'Kurdish community'],
  ['afghan', 'Afghaanse gemeenschap', 'Afghan community'],
  ['iranian', 'Iraanse gemeenschap', 'Iranian community'],
  ['polish', 'Poolse gemeenschap', 'Polish community'],
  ['syrian', 'Syrische gemeenschap', 'Syrian community'],
  ['iraqi', 'Iraakse gemeenschap', 'Iraqi community'],
  ['antillean', 'Antilliaanse gemeenschap', 'Antillean community'],
  ['surinamese', 'Surinaamse gemeenschap', 'Surinamese community'],
  ['bulgarian', 'Bulgaarse gemeenschap', 'Bulgarian community'],
  ['romanian', 'Roemeense gemeenschap', 'Romanian community'],
  ['ghanaian', 'Ghanese gemeenschap', 'Ghanaian community'],
].map(([code, nameNl, nameEn]) => ({ code, nameNl, nameEn, isDemo: true }));

// Languages a member of a community speaks natively, plus likely second languages [code, p, level].
const SPEECH = {
  somali: {
    native: [['som', 1]],
    extra: [
      ['ara', 0.3, 'BASIC'],
      ['eng', 0.25, 'FLUENT'],
    ],
  },
  eritrean: {
    native: [['tir', 1]],
    extra: [
      ['amh', 0.3, 'FLUENT'],
      ['ara', 0.15, 'BASIC'],
      ['eng', 0.3, 'FLUENT'],
    ],
  },
  ethiopian: {
    native: [
      ['amh', 0.7],
      ['orm', 0.3],
    ],
    extra: [
      ['amh', 0.3, 'FLUENT'],
      ['tir', 0.15, 'BASIC'],
      ['eng', 0.35, 'FLUENT'],
    ],
  },
  moroccan: {
    native: [
      ['rif', 0.45],
      ['ary', 0.55],
    ],
    extra: [
      ['ara', 0.5, 'FLUENT'],
      ['ary', 0.3, 'FLUENT'],
      ['fra', 0.3, 'FLUENT'],
    ],
  },
  turkish: {
    native: [['tur', 1]],
    extra: [
      ['kmr', 0.12, 'FLUENT'],
      ['eng', 0.2, 'BASIC'],
    ],
  },
  kurdish: {
    native: [
      ['kmr', 0.8],
      ['ckb', 0.2],
    ],
    extra: [
      ['tur', 0.5, 'FLUENT'],
      ['ara', 0.3, 'FLUENT'],
    ],
  },
  afghan: {
    native: [
      ['prs', 0.8],
      ['pus', 0.2],
    ],
    extra: [
      ['prs', 0.5, 'FLUENT'],
      ['fas', 0.2, 'FLUENT'],
      ['eng', 0.25, 'BASIC'],
    ],
  },
  iranian: {
    native: [['fas', 1]],
    extra: [
      ['eng', 0.5, 'FLUENT'],
      ['prs', 0.2, 'FLUENT'],
    ],
  },
  polish: { native: [['pol', 1]], extra: [['eng', 0.5, 'FLUENT']] },
  syrian: {
    native: [
      ['ara', 0.85],
      ['kmr', 0.15],
    ],
    extra: [
      ['ara', 0.5, 'FLUENT'],
      ['eng', 0.35, 'FLUENT'],
      ['fra', 0.12, 'BASIC'],
    ],
  },
  iraqi: {
    native: [
      ['ara', 0.6],
      ['ckb', 0.4],
    ],
    extra: [
      ['ara', 0.5, 'FLUENT'],
      ['eng', 0.25, 'FLUENT'],
    ],
  },
  antillean: {
    native: [['pap', 1]],
    extra: [
      ['eng', 0.4, 'FLUENT'],
      ['spa', 0.3, 'FLUENT'],
    ],
  },
  surinamese: {
    native: [
      ['srn', 0.4],
      ['hns', 0.3],
      ['nld', 0.3],
    ],
    extra: [
      ['srn', 0.5, 'FLUENT'],
      ['eng', 0.3, 'FLUENT'],
    ],
  },
  bulgarian: {
    native: [
      ['bul', 0.7],
      ['tur', 0.3],
    ],
    extra: [
      ['bul', 0.5, 'FLUENT'],
      ['eng', 0.2, 'BASIC'],
    ],
  },
  romanian: {
    native: [['ron', 1]],
    extra: [
      ['eng', 0.4, 'FLUENT'],
      ['fra', 0.15, 'BASIC'],
    ],
  },
  ghanaian: { native: [['twi', 1]], extra: [['eng', 1, 'FLUENT']] },
  dutch: { native: [['nld', 1]], extra: [['eng', 0.7, 'FLUENT']] },
};

// Name pools. `fem` turns a family name into its feminine form where the language does that.
const NAMES = {
  somali: {
    f: ['Hodan', 'Faduma', 'Ayaan', 'Sahra', 'Amina', 'Hibaaq', 'Ifrah', 'Nimco', 'Khadra', 'Warsan', 'Ubah', 'Deeqa'],
    m: ['Mohamed', 'Abdirahman', 'Abdullahi', 'Ahmed', 'Yusuf', 'Omar', 'Hassan', 'Ismail', 'Liban', 'Mahad', 'Guled', 'Bashir'],
    last: ['Warsame', 'Farah', 'Jama', 'Nuur', 'Cabdi', 'Xirsi', 'Aden', 'Faarax', 'Cumar', 'Mohamud', 'Samatar', 'Dirie', 'Elmi', 'Hersi', 'Ducaale'],
  },
  eritrean: {
    f: ['Selam', 'Senait', 'Mebrat', 'Helen', 'Saba', 'Luwam', 'Semhar', 'Freweyni'],
    m: ['Yonas', 'Tesfay', 'Dawit', 'Filmon', 'Berhane', 'Goitom', 'Mussie', 'Natnael'],
    last: ['Tesfamariam', 'Haile', 'Gebremedhin', 'Tekle', 'Habte', 'Kahsay', 'Woldu', 'Asmerom', 'Mehari', 'Ghirmay'],
  },
  ethiopian: {
    f: ['Meron', 'Tigist', 'Hiwot', 'Bethlehem', 'Almaz'],
    m: ['Abebe', 'Solomon', 'Dereje', 'Tewodros', 'Yared'],
    last: ['Alemu', 'Bekele', 'Tadesse', 'Girma', 'Desta', 'Wolde', 'Gudina'],
  },
  moroccan: {
    f: ['Fatima', 'Naima', 'Samira', 'Khadija', 'Nadia', 'Houda', 'Loubna', 'Karima', 'Malika', 'Siham'],
    m: ['Mohamed', 'Youssef', 'Hamid', 'Rachid', 'Said', 'Abdelkader', 'Mustafa', 'Karim', 'Bilal', 'Nordin'],
    last: [
      'El Amrani',
      'Bouzid',
      'Ait Ouali',
      'Azzouzi',
      'Benali',
      'El Idrissi',
      'Bakkali',
      'Tahiri',
      'Boukhari',
      'Chaouch',
      'El Hamdaoui',
      'Ziani',
      'Oulad Ali',
    ],
  },
  turkish: {
    f: ['Ayşe', 'Fatma', 'Emine', 'Hatice', 'Elif', 'Zeynep', 'Songül', 'Gülsen'],
    m: ['Mehmet', 'Mustafa', 'Ahmet', 'Hüseyin', 'Murat', 'Kemal', 'Serkan', 'Ercan'],
    last: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Aydın', 'Öztürk', 'Arslan', 'Doğan', 'Kılıç', 'Koç'],
  },
  kurdish: {
    f: ['Berfin', 'Rojda', 'Şirin', 'Dilan', 'Shilan'],
    m: ['Azad', 'Rêber', 'Serhat', 'Hozan', 'Karwan', 'Dilshad'],
    last: ['Zana', 'Rasul', 'Hamo', 'Sido', 'Qadir', 'Faraj', 'Ahmadi'],
  },
  afghan: {
    f: ['Mariam', 'Zahra', 'Fereshta', 'Nasrin', 'Shukria', 'Parwana'],
    m: ['Ahmad', 'Farid', 'Habib', 'Jawad', 'Wahid', 'Najib'],
    last: ['Rahimi', 'Sultani', 'Haidari', 'Noori', 'Karimi', 'Azizi', 'Hashimi', 'Safi'],
  },
  iranian: {
    f: ['Shirin', 'Leila', 'Niloufar', 'Mahsa'],
    m: ['Reza', 'Kaveh', 'Babak', 'Dariush'],
    last: ['Tehrani', 'Mohammadi', 'Rostami', 'Jafari', 'Farahani'],
  },
  polish: {
    f: ['Agnieszka', 'Katarzyna', 'Magdalena', 'Joanna', 'Ewa', 'Marta'],
    m: ['Piotr', 'Tomasz', 'Krzysztof', 'Paweł', 'Marek', 'Łukasz'],
    last: ['Nowak', 'Kowalski', 'Mazur', 'Wójcik', 'Kaczmarek', 'Zając', 'Pawlak', 'Lewandowski', 'Sikora', 'Kubiak'],
    fem: (l) => l.replace(/ski$/, 'ska'),
  },
  syrian: {
    f: ['Rasha', 'Hala', 'Lina', 'Reem', 'Dima', 'Nour', 'Rama', 'Ghalia'],
    m: ['Ammar', 'Bassel', 'Fadi', 'Khaled', 'Tarek', 'Wassim', 'Ziad', 'Majd'],
    last: ['Al-Hassan', 'Haddad', 'Khoury', 'Al-Ali', 'Darwish', 'Hamwi', 'Sabbagh', 'Kassab', 'Shami', 'Jabri'],
  },
  iraqi: {
    f: ['Zainab', 'Sura', 'Huda', 'Shilan'],
    m: ['Ali', 'Hussein', 'Haider', 'Abbas', 'Hemin', 'Saman'],
    last: ['Al-Rubaie', 'Kadhim', 'Jawad', 'Salman', 'Mahmood', 'Qadir'],
  },
  antillean: {
    f: ['Jeanine', 'Giselle', 'Mirella', 'Sharlene', 'Roxanne', 'Ruthmila'],
    m: ['Orlando', 'Ricardo', 'Gregory', 'Edsel', 'Rignald', 'Jurgen'],
    last: ['Martina', 'Isenia', 'Rosaria', 'Pieternella', 'Girigori', 'Marchena', 'Sulvaran', 'Cijntje', 'Janga'],
  },
  surinamese: {
    f: ['Sharmila', 'Reshma', 'Anita', 'Jennifer', 'Sandra', 'Priya'],
    m: ['Ravi', 'Sunil', 'Roy', 'Glenn', 'Marlon', 'Errol'],
    last: ['Ramdin', 'Jagesar', 'Sewnarain', 'Biharie', 'Kartosen', 'Pinas', 'Sabajo', 'Wijngaarde', 'Soekhlal', 'Zeefuik'],
  },
  bulgarian: {
    f: ['Desislava', 'Milena', 'Gergana', 'Aysel'],
    m: ['Ivan', 'Georgi', 'Dimitar', 'Nikolay', 'Emin'],
    last: ['Petrov', 'Ivanov', 'Dimitrov', 'Georgiev', 'Stoyanov', 'Hasanov'],
    fem: (l) => l + 'a',
  },
  romanian: {
    f: ['Ioana', 'Elena', 'Andreea', 'Mihaela'],
    m: ['Andrei', 'Florin', 'Gheorghe', 'Vasile'],
    last: ['Popescu', 'Ionescu', 'Dumitru', 'Moldovan', 'Lungu', 'Munteanu'],
  },
  ghanaian: {
    f: ['Akosua', 'Ama', 'Abena', 'Efua', 'Adwoa'],
    m: ['Kwame', 'Kofi', 'Kwabena', 'Yaw', 'Kojo'],
    last: ['Mensah', 'Owusu', 'Boateng', 'Asante', 'Ofori', 'Appiah', 'Agyeman', 'Darko'],
  },
  dutch: {
    f: ['Anne', 'Sanne', 'Marieke', 'Lotte', 'Eva', 'Femke', 'Ingrid', 'Marloes', 'Judith', 'Esther', 'Nienke', 'Hanneke'],
    m: ['Jeroen', 'Bas', 'Thijs', 'Joost', 'Pieter', 'Ruud', 'Koen', 'Wouter', 'Maarten', 'Sander'],
    last: [
      'de Vries',
      'Jansen',
      'van Dijk',
      'Bakker',
      'Visser',
      'Smit',
      'Meijer',
      'de Boer',
      'Mulder',
      'de Groot',
      'Bos',
      'Vos',
      'Hendriks',
      'van Leeuwen',
      'Dekker',
      'Brouwer',
      'Verhoeven',
      'van der Linden',
      'Kuipers',
      'Schouten',
    ],
  },
};
const usedNames = new Set();
function makeName(community) {
  const pool = NAMES[community];
  for (;;) {
    const female = chance(0.55);
    const first = pick(female ? pool.f : pool.m);
    let last = pick(pool.last);
    if (female && pool.fem) last = pool.fem(last);
    const name = `${first} ${last}`;
    if (!usedNames.has(name)) {
      usedNames.add(name);
      return name;
    }
  }
}

// A person's languages: native community language(s), optional extras, Dutch for almost everyone.
function languagesFor(community, { interpreterLang, formal } = {}) {
  const s = SPEECH[community];
  const langs = new Map();
  langs.set(weighted(s.native), 'NATIVE');
  for (const [c, p, level] of s.extra) if (!langs.has(c) && chance(p)) langs.set(c, level);
  if (interpreterLang && langs.get(interpreterLang) !== 'NATIVE') langs.set(interpreterLang, formal ? 'NATIVE' : 'FLUENT');
  if (!langs.has('nld')) {
    // Interpreters need good Dutch; among others a few speak none (that is realistic).
    const lvl = interpreterLang
      ? formal
        ? 'NATIVE'
        : 'FLUENT'
      : weighted([
          ['FLUENT', 55],
          ['BASIC', 37],
          [null, 8],
        ]);
    if (lvl) langs.set('nld', formal && chance(0.5) ? 'FLUENT' : lvl);
  }
  if (formal && langs.get('nld') === 'BASIC') langs.set('nld', 'FLUENT');
  return [...langs].map(([code, level]) => ({ code, level }));
}

// ---- teams ------------------------------------------------------------------------------------

const inSub = (wijk, subs) => [...NBH.keys()].filter((c) => c.slice(6, 8) === wijk && subs.includes(Number(c[8])));
const inWijk = (...wijken) => [...NBH.keys()].filter((c) => wijken.includes(c.slice(6, 8)));

// Neighbourhood teams split districts roughly along the CBS sub-areas (the digit after the wijk).
const TEAM_DEFS = [
  ['team-west-lombok', 'Buurtteam West – Lombok & Oog in Al', 'NEIGHBOURHOOD_TEAM', inSub('01', [1, 2])],
  ['team-west-nieuw-engeland', 'Buurtteam West – Nieuw Engeland', 'NEIGHBOURHOOD_TEAM', inSub('01', [3])],
  ['team-noordwest-ondiep', 'Buurtteam Noordwest – Pijlsweerd & Ondiep', 'NEIGHBOURHOOD_TEAM', inSub('02', [1, 2])],
  ['team-noordwest-zuilen', 'Buurtteam Noordwest – Zuilen', 'NEIGHBOURHOOD_TEAM', inSub('02', [3, 4])],
  ['team-overvecht-zuid', 'Buurtteam Overvecht-Zuid', 'NEIGHBOURHOOD_TEAM', inSub('03', [1, 2])],
  ['team-overvecht-noord', 'Buurtteam Overvecht-Noord', 'NEIGHBOURHOOD_TEAM', inSub('03', [3, 4])],
  ['team-noordoost-vogelenbuurt', 'Buurtteam Noordoost – Vogelenbuurt & Tuinwijk', 'NEIGHBOURHOOD_TEAM', inSub('04', [1])],
  ['team-noordoost-tuindorp', 'Buurtteam Noordoost – Tuindorp & Wittevrouwen', 'NEIGHBOURHOOD_TEAM', inSub('04', [2, 3])],
  ['team-oost-sterrenwijk', 'Buurtteam Oost – Oudwijk & Sterrenwijk', 'NEIGHBOURHOOD_TEAM', inSub('05', [1, 2])],
  ['team-oost-schildersbuurt', 'Buurtteam Oost – Schildersbuurt & Rijnsweerd', 'NEIGHBOURHOOD_TEAM', inSub('05', [3])],
  ['team-binnenstad', 'Buurtteam Binnenstad', 'NEIGHBOURHOOD_TEAM', inWijk('06')],
  ['team-zuid', 'Buurtteam Zuid', 'NEIGHBOURHOOD_TEAM', inWijk('07')],
  ['team-zuidwest', 'Buurtteam Zuidwest', 'NEIGHBOURHOOD_TEAM', inWijk('08')],
  ['team-leidsche-rijn-terwijde', 'Buurtteam Leidsche Rijn – Terwijde & Het Zand', 'NEIGHBOURHOOD_TEAM', inSub('09', [1, 2])],
  ['team-leidsche-rijn-parkwijk', 'Buurtteam Leidsche Rijn – Centrum & Parkwijk', 'NEIGHBOURHOOD_TEAM', inSub('09', [3, 4, 5])],
  ['team-vleuten', 'Buurtteam Vleuten & Vleuterweide', 'NEIGHBOURHOOD_TEAM', inSub('10', [1, 2])],
  ['team-de-meern', 'Buurtteam De Meern', 'NEIGHBOURHOOD_TEAM', inSub('10', [3, 4])],
  ['team-jgt-west', 'Jeugd- en gezinsteam West & Noordwest', 'YOUTH_AND_FAMILY', inWijk('01', '02')],
  ['team-jgt-overvecht', 'Jeugd- en gezinsteam Overvecht & Noordoost', 'YOUTH_AND_FAMILY', inWijk('03', '04')],
  ['team-jgt-zuidwest', 'Jeugd- en gezinsteam Zuidwest & Zuid', 'YOUTH_AND_FAMILY', inWijk('07', '08')],
  ['team-jgt-oost', 'Jeugd- en gezinsteam Oost & Binnenstad', 'YOUTH_AND_FAMILY', inWijk('05', '06')],
  ['team-jgt-leidsche-rijn', 'Jeugd- en gezinsteam Leidsche Rijn & Vleuten-De Meern', 'YOUTH_AND_FAMILY', inWijk('09', '10')],
  ['team-wijkteam-werk-zuidwest', 'Sociaal wijkteam Werk & Inkomen Zuidwest', 'SOCIAL_DISTRICT_TEAM', inWijk('08')],
  ['team-wijkteam-werk-overvecht', 'Sociaal wijkteam Werk & Inkomen Overvecht', 'SOCIAL_DISTRICT_TEAM', inWijk('03')],
  ['team-statushouders', 'Team Nieuwkomers & Statushouders', 'OTHER', [...NBH.keys()]],
];
const teams = TEAM_DEFS.map(([key, name, kind, codes]) => ({
  key,
  name,
  kind,
  municipalityCode: MUNICIPALITY,
  phone: landline(),
  email: `${key.replace(/^team-/, '')}@example.org`,
  neighbourhoodCodes: codes,
  lastVerifiedOn: between(addDays(TODAY, -200), TODAY), // teams are checked often
  isDemo: true,
}));
const homeTeam = (buurt) => teams.find((t) => t.kind === 'NEIGHBOURHOOD_TEAM' && t.neighbourhoodCodes.includes(buurt));

// ---- organisations ----------------------------------------------------------------------------

// [key, name, kind, communities, languages, home buurt, extra buurten, description]
const ORG_DEFS = [
  [
    'hiil-wadaag',
    'Stichting Hiil Wadaag',
    'MIGRANT_ORGANISATION',
    ['somali'],
    ['som', 'nld'],
    '0832',
    2,
    'Somalische zelforganisatie in Kanaleneiland. Huiswerkbegeleiding, voorlichting voor ouders en een wekelijkse inloop voor vrouwen.',
  ],
  [
    'somalische-vrouwen-overvecht',
    'Somalische Vrouwenkring Overvecht',
    'MIGRANT_ORGANISATION',
    ['somali'],
    ['som', 'nld', 'ara'],
    '0341',
    2,
    'Ontmoetingsgroep voor Somalische vrouwen; gezondheidsvoorlichting en hulp bij post en formulieren.',
  ],
  [
    'daryeel-jongeren',
    'Daryeel Jongerenplatform',
    'MIGRANT_ORGANISATION',
    ['somali'],
    ['som', 'nld', 'eng'],
    '0812',
    2,
    'Jongerenplatform voor Somalische en Oost-Afrikaanse jongeren: mentoring, sport en begeleiding naar werk.',
  ],
  [
    'selam-utrecht',
    'Vereniging Selam Utrecht',
    'MIGRANT_ORGANISATION',
    ['eritrean'],
    ['tir', 'nld'],
    '0322',
    2,
    'Eritrese vereniging; taalmaatjes, uitleg over zorg en onderwijs, ondersteuning van jonge statushouders.',
  ],
  [
    'mahber-utrecht',
    'Geloofsgemeenschap Mahber Utrecht',
    'RELIGIOUS_ORGANISATION',
    ['eritrean', 'ethiopian'],
    ['tir', 'amh'],
    '0232',
    1,
    'Orthodoxe geloofsgemeenschap van Eritrese en Ethiopische Utrechters; zondagse bijeenkomsten en sociale steun.',
  ],
  [
    'habesha-huis',
    'Habesha Huis',
    'MIGRANT_ORGANISATION',
    ['ethiopian', 'eritrean'],
    ['amh', 'tir', 'orm', 'nld'],
    '0412',
    1,
    'Ontmoetingsplek voor Ethiopische en Eritrese families; koffieochtenden en informatiebijeenkomsten.',
  ],
  [
    'al-amal-ouders',
    'Stichting Al Amal Ouders',
    'MIGRANT_ORGANISATION',
    ['moroccan'],
    ['ary', 'rif', 'ara', 'nld'],
    '0831',
    2,
    'Oudervereniging die Marokkaans-Nederlandse ouders ondersteunt bij opvoeding en school.',
  ],
  [
    'moskee-en-nour',
    'Moskee En-Nour Zuidwest',
    'RELIGIOUS_ORGANISATION',
    ['moroccan', 'somali'],
    ['ara', 'ary', 'rif', 'som'],
    '0823',
    3,
    'Moskee met een actieve vrouwengroep en een sociaal spreekuur na het vrijdaggebed.',
  ],
  [
    'tafsut',
    'Amazigh Cultureel Centrum Tafsut',
    'MIGRANT_ORGANISATION',
    ['moroccan'],
    ['rif', 'nld'],
    '0222',
    2,
    'Cultureel centrum van de Amazigh-gemeenschap; taallessen Tarifit en activiteiten voor ouderen.',
  ],
  [
    'marokkaanse-senioren',
    'Marokkaanse Seniorenclub Overvecht',
    'MIGRANT_ORGANISATION',
    ['moroccan'],
    ['ary', 'rif'],
    '0312',
    1,
    'Seniorenclub voor oudere Marokkaanse Utrechters; voorlichting over zorg, pensioen en eenzaamheid.',
  ],
  [
    'yesil-vadi',
    'Turkse Vrouwenvereniging Yeşil Vadi',
    'MIGRANT_ORGANISATION',
    ['turkish'],
    ['tur', 'nld'],
    '0732',
    2,
    'Vrouwenvereniging met naailes, taalcafé en voorlichting over gezondheid en opvoeding.',
  ],
  [
    'yesil-dal',
    'Moskee Yeşil Dal Zuilen',
    'RELIGIOUS_ORGANISATION',
    ['turkish', 'kurdish'],
    ['tur', 'kmr'],
    '0232',
    2,
    'Turkse moskee met jongerenwerk en huiswerkklas.',
  ],
  [
    'kopru',
    'Ouderplatform Köprü',
    'MIGRANT_ORGANISATION',
    ['turkish', 'kurdish'],
    ['tur', 'kmr', 'nld'],
    '0132',
    2,
    'Brug tussen Turkse en Koerdische ouders en scholen in West.',
  ],
  [
    'newroz',
    'Koerdisch Huis Newroz',
    'MIGRANT_ORGANISATION',
    ['kurdish', 'syrian', 'iraqi'],
    ['kmr', 'ckb', 'ara', 'tur'],
    '0212',
    2,
    'Koerdisch cultuurhuis; inloop voor nieuwkomers uit Syrië, Irak en Turkije.',
  ],
  [
    'bamyan',
    'Afghaanse Vereniging Bamyan',
    'MIGRANT_ORGANISATION',
    ['afghan'],
    ['prs', 'pus', 'nld'],
    '0311',
    2,
    'Afghaanse vereniging; hulp bij inburgering, schuldenpreventie en een jongerengroep.',
  ],
  [
    'mehr-vrouwen',
    'Stichting Mehr Afghaanse Vrouwen',
    'MIGRANT_ORGANISATION',
    ['afghan', 'iranian'],
    ['prs', 'fas', 'nld'],
    '1024',
    2,
    'Afghaanse en Iraanse vrouwen; taalcafé, fietsles en voorlichting over psychische gezondheid.',
  ],
  [
    'most',
    'Poolse Ontmoetingsplek Most',
    'MIGRANT_ORGANISATION',
    ['polish'],
    ['pol', 'nld', 'eng'],
    '0913',
    2,
    'Informatiepunt voor Poolse arbeidsmigranten: huisvesting, arbeidsrecht, inschrijving bij de gemeente.',
  ],
  [
    'sint-wojciech',
    'Poolse Katholieke Gemeenschap Sint-Wojciech',
    'RELIGIOUS_ORGANISATION',
    ['polish'],
    ['pol'],
    '0621',
    1,
    'Poolstalige kerkgemeenschap; zondagse mis en een maandelijkse koffieochtend.',
  ],
  [
    'yasmin',
    'Syrische Gemeenschap Yasmin',
    'MIGRANT_ORGANISATION',
    ['syrian'],
    ['ara', 'kmr', 'nld'],
    '0921',
    2,
    'Syrische vereniging met huiswerkhulp, vrouwengroep en begeleiding naar werk.',
  ],
  [
    'nieuwkomerscafe-lr',
    'Nieuwkomerscafé Leidsche Rijn',
    'OTHER',
    ['syrian', 'eritrean', 'afghan'],
    ['ara', 'tir', 'prs', 'nld'],
    '0931',
    3,
    'Wekelijks café voor nieuwkomers; vrijwilligers helpen met brieven, taal en de weg in de wijk.',
  ],
  [
    'dushi-kas',
    'Stichting Dushi Kas',
    'MIGRANT_ORGANISATION',
    ['antillean'],
    ['pap', 'nld'],
    '0342',
    2,
    'Antilliaanse stichting; opvoedondersteuning, budgetcoaching en activiteiten voor jongeren.',
  ],
  [
    'kurason',
    'Antilliaanse Jongeren Kurason',
    'MIGRANT_ORGANISATION',
    ['antillean'],
    ['pap', 'nld', 'eng'],
    '0733',
    1,
    'Jongerenorganisatie voor Caribische jongeren; sport, muziek en begeleiding naar opleiding.',
  ],
  [
    'anansi',
    'Surinaams Cultureel Platform Anansi',
    'MIGRANT_ORGANISATION',
    ['surinamese'],
    ['srn', 'nld'],
    '0522',
    2,
    'Surinaams cultureel platform; ouderenactiviteiten en voorlichting over diabetes en hart- en vaatziekten.',
  ],
  [
    'shanti-mandir',
    'Hindoestaanse Stichting Shanti Mandir',
    'RELIGIOUS_ORGANISATION',
    ['surinamese'],
    ['hns', 'nld'],
    '0712',
    1,
    'Hindoestaanse geloofsgemeenschap; mantelzorgondersteuning en ontmoetingen voor ouderen.',
  ],
  [
    'dijla',
    'Iraakse Vereniging Dijla',
    'MIGRANT_ORGANISATION',
    ['iraqi', 'kurdish'],
    ['ara', 'ckb'],
    '0431',
    1,
    'Iraakse vereniging; hulp bij gezinshereniging, taal en werk.',
  ],
  [
    'akwaaba',
    'Ghanese Gemeenschap Akwaaba',
    'MIGRANT_ORGANISATION',
    ['ghanaian'],
    ['twi', 'eng'],
    '0242',
    1,
    'Ghanese vereniging; ontmoeting, hulp bij administratie en doorverwijzing naar de buurtteams.',
  ],
  [
    'nyame-adom',
    'Pinkstergemeente Nyame Adom',
    'RELIGIOUS_ORGANISATION',
    ['ghanaian'],
    ['twi', 'eng'],
    '0243',
    1,
    'Ghanese pinkstergemeente met een diaconale werkgroep.',
  ],
  [
    'zora',
    'Steunpunt Zora',
    'MIGRANT_ORGANISATION',
    ['bulgarian', 'romanian'],
    ['bul', 'ron', 'tur', 'nld'],
    '0233',
    2,
    'Steunpunt voor Bulgaarse en Roemeense arbeidsmigranten en hun gezinnen.',
  ],
  [
    'de-kanaalhoek',
    'Buurthuis De Kanaalhoek',
    'COMMUNITY_CENTRE',
    ['somali', 'moroccan', 'turkish'],
    ['nld'],
    '0831',
    3,
    'Buurthuis met ruimte voor spreekuren van partners, taalles en een kinderclub.',
  ],
  [
    'de-dreef',
    'Wijkcentrum De Dreef',
    'COMMUNITY_CENTRE',
    ['moroccan', 'somali', 'eritrean', 'antillean'],
    ['nld'],
    '0321',
    3,
    'Wijkcentrum in Overvecht; zalen voor zelforganisaties en een wekelijks inloopspreekuur.',
  ],
  [
    'de-lindeboom',
    'Buurtcentrum De Lindeboom',
    'COMMUNITY_CENTRE',
    ['moroccan', 'turkish'],
    ['nld'],
    '0123',
    2,
    'Buurtcentrum in Lombok met ontmoetingsruimte en een open keuken.',
  ],
  [
    'de-schakel',
    'Buurthuis De Schakel Zuilen',
    'COMMUNITY_CENTRE',
    ['turkish', 'moroccan', 'ghanaian'],
    ['nld'],
    '0241',
    2,
    'Buurthuis in Zuilen; ouderenactiviteiten en een kledingbank.',
  ],
  [
    'de-wissel',
    'Ontmoetingscentrum De Wissel',
    'COMMUNITY_CENTRE',
    ['turkish', 'antillean', 'surinamese'],
    ['nld'],
    '0732',
    2,
    'Ontmoetingscentrum in Hoograven; spreekuren en jongerenwerk.',
  ],
  [
    'huis-van-de-wijk-parkwijk',
    'Huis van de Wijk Parkwijk',
    'COMMUNITY_CENTRE',
    ['syrian', 'polish', 'eritrean'],
    ['nld'],
    '0941',
    3,
    'Huis van de wijk in Leidsche Rijn met ruimte voor taalcafés en spreekuren.',
  ],
  [
    'samen-verder',
    'Welzijnsorganisatie Samen Verder Utrecht',
    'WELFARE_ORGANISATION',
    [],
    ['nld', 'eng'],
    '0613',
    4,
    'Welzijnswerk: ouderenwerk, mantelzorgondersteuning en vrijwilligerscoördinatie door de hele stad.',
  ],
  [
    'rondkomen',
    'Stichting Rondkomen Utrecht',
    'WELFARE_ORGANISATION',
    ['moroccan', 'turkish', 'syrian'],
    ['nld', 'ara', 'tur'],
    '0622',
    3,
    'Vrijwillige thuisadministratie en vroegsignalering van schulden, ook in het Arabisch en Turks.',
  ],
  [
    'mantelzorg-kleurrijk',
    'Steunpunt Mantelzorg Kleurrijk',
    'WELFARE_ORGANISATION',
    ['turkish', 'moroccan', 'antillean', 'surinamese'],
    ['nld', 'tur', 'ary', 'pap', 'srn'],
    '0524',
    3,
    'Ondersteuning van mantelzorgers met een migratieachtergrond.',
  ],
  [
    'tolkenpool',
    'Tolkenpool Utrecht Samen',
    'INTERPRETER_SERVICE',
    [],
    ['som', 'tir', 'ara', 'tur', 'prs', 'pol', 'amh', 'kmr', 'ckb', 'fas', 'bul', 'ron', 'rif', 'ary'],
    '0613',
    0,
    'Bemiddeling van beëdigde tolken (Rbtv) voor gesprekken van buurtteams, op locatie of telefonisch.',
  ],
  [
    'taalmaatjes',
    'Vrijwillige Taalmaatjes Utrecht',
    'INTERPRETER_SERVICE',
    [],
    ['som', 'tir', 'ara', 'prs', 'rif', 'tur', 'pol', 'pap', 'twi'],
    '0611',
    0,
    'Vrijwilligers die informeel tolken bij niet-vertrouwelijke gesprekken. Geen beëdigde tolken.',
  ],
  [
    'vrouwencentrum-zuidwest',
    'Internationaal Vrouwencentrum Zuidwest',
    'OTHER',
    ['somali', 'moroccan', 'turkish', 'eritrean'],
    ['nld', 'som', 'ary', 'tur', 'tir'],
    '0822',
    3,
    'Vrouwencentrum met taalles, naaiatelier en groepsvoorlichting over gezondheid.',
  ],
  ['taalcafe-de-brug', 'Taalcafé De Brug', 'OTHER', [], ['nld'], '0411', 2, 'Taalcafé waar nieuwkomers Nederlands oefenen met buurtbewoners.'],
  [
    'kanaleneiland-united',
    'Sportvereniging Kanaleneiland United',
    'OTHER',
    ['somali', 'moroccan'],
    ['nld', 'som', 'ary'],
    '0812',
    2,
    'Sportvereniging voor jongeren uit Zuidwest; trainers fungeren ook als vindplaats.',
  ],
];
const organisations = ORG_DEFS.map(([k, name, kind, communityCodes, languageCodes, home, extra, description]) => {
  const buurt = code(home);
  const [lon, lat] = jitter(NBH.get(buurt).centroid);
  const pc = postcode(buurt);
  const host = slug(name.replace(/^(Stichting|Vereniging) /, ''));
  return {
    key: `org-${k}`,
    name,
    kind,
    description,
    website: `https://${host}.example.org`,
    phone: chance(0.75) ? landline() : mobile(),
    email: `info@${host}.example.org`,
    address: `${pick(STREETS)} ${int(1, 180)}${chance(0.15) ? pick(['a', 'b', '-bis']) : ''}`,
    postcode: pc,
    city: PLACE[pc.slice(0, 4)] ?? 'Utrecht',
    lat,
    lon,
    languageCodes,
    communityCodes,
    neighbourhoodCodes: activeIn(buurt, extra),
    lastVerifiedOn: lastVerified(),
    isDemo: true,
  };
});
const orgsFor = (community) => organisations.filter((o) => o.communityCodes.includes(community) && o.kind !== 'COMMUNITY_CENTRE');

// ---- persons ----------------------------------------------------------------------------------

const TOPICS = ['HEALTH', 'PARENTING', 'DEBTS', 'WORK', 'ELDERLY_CARE', 'EDUCATION', 'HOUSING', 'MENTAL_HEALTH', 'WOMEN', 'YOUTH', 'LANGUAGE_LEARNING'];
const LIMITED_NOTES = [
  'Alleen op dinsdag- en donderdagochtend.',
  'Werkt overdag; bereikbaar na 18.00 uur.',
  'Beperkt beschikbaar tijdens de ramadan.',
  'Maximaal twee trajecten tegelijk.',
  'Alleen in de eigen wijk.',
];
const UNAVAILABLE_NOTES = [
  'Tot en met februari in het buitenland.',
  'Tijdelijk gestopt wegens mantelzorg.',
  'Met zwangerschapsverlof.',
  'Volgt een opleiding; weer beschikbaar vanaf het voorjaar.',
];
const AVAILABLE_NOTES = ['Bij voorkeur via WhatsApp benaderen.', 'Ook in het weekend bereikbaar.', 'Bellen tussen 10.00 en 16.00 uur.'];
function availability() {
  const a = weighted([
    ['AVAILABLE', 70],
    ['LIMITED', 20],
    ['UNAVAILABLE', 10],
  ]);
  const note = a === 'LIMITED' ? pick(LIMITED_NOTES) : a === 'UNAVAILABLE' ? pick(UNAVAILABLE_NOTES) : chance(0.25) ? pick(AVAILABLE_NOTES) : null;
  return { availability: a, availabilityNote: note };
}

const persons = [];
let personSeq = 0;
const usedReg = new Set();
function regNumber() {
  let r;
  do r = String(int(10000, 99999));
  while (usedReg.has(r));
  usedReg.add(r);
  return r;
}

// Team workers first: they are the contact persons of teams and the ones who record consent.
const teamWorkers = [];
function addPerson(p) {
  const name = p.name ?? makeName(p.nameCommunity ?? p.community);
  const verified = lastVerified();
  // The worker of the neighbourhood team for the person's buurt records consent (not themselves).
  const recorders = teamWorkers.filter((w) => w.name !== name);
  const localTeam = homeTeam(p.neighbourhoodCodes[0]);
  const local = recorders.filter((w) => w.teamKey === localTeam?.key);
  const person = {
    key: `person-${String(++personSeq).padStart(3, '0')}`, // no name in the key: keys end up in URLs and logs
    name,
    isKeyPerson: !!p.isKeyPerson,
    isInterpreter: !!p.isInterpreter,
    interpreterFormal: p.isInterpreter ? !!p.formal : null,
    registrationNumber: p.isInterpreter && p.formal ? regNumber() : null,
    isContactPerson: !!p.isContactPerson,
    trainedKeyPerson: p.isKeyPerson ? chance(0.6) : false,
    volunteerContract: p.isKeyPerson ? chance(0.55) : false,
    phone: mobile(),
    email: personEmail(name),
    organisationKey: p.organisationKey ?? null,
    teamKey: p.teamKey ?? null,
    topics: p.topics ?? pickN(TOPICS, p.isKeyPerson ? int(1, 4) : int(0, 2)).sort(),
    ...availability(),
    consentGivenOn: consentBefore(verified),
    consentMethod: weighted([
      ['WRITTEN', 45],
      ['DIGITAL', 30],
      ['VERBAL', 25],
    ]),
    consentRecordedBy: (local.length ? pick(local) : recorders.length ? pick(recorders) : { name: null }).name, // null: fixed below
    lastVerifiedOn: verified,
    languages: p.languages,
    communityCodes: p.communityCodes ?? (p.community && p.community !== 'dutch' ? [p.community] : []),
    neighbourhoodCodes: p.neighbourhoodCodes,
    isDemo: true,
  };
  persons.push(person);
  return person;
}

// Team contact persons: every team one, some two. Workers' backgrounds are mixed, like real teams.
const TWO_CONTACTS = new Set([
  'team-zuidwest',
  'team-overvecht-noord',
  'team-overvecht-zuid',
  'team-noordwest-zuilen',
  'team-jgt-zuidwest',
  'team-statushouders',
]);
for (const t of teams) {
  for (let i = 0; i < (TWO_CONTACTS.has(t.key) ? 2 : 1); i++) {
    const background = weighted([
      ['dutch', 60],
      ['moroccan', 14],
      ['turkish', 10],
      ['surinamese', 10],
      ['antillean', 6],
    ]);
    const langs =
      background === 'dutch'
        ? languagesFor('dutch')
        : [
            { code: 'nld', level: 'NATIVE' },
            ...languagesFor(background)
              .filter((l) => l.code !== 'nld')
              .slice(0, 2)
              .map((l) => ({ code: l.code, level: l.level === 'NATIVE' ? 'FLUENT' : l.level })),
          ];
    const w = addPerson({
      nameCommunity: background,
      isContactPerson: true,
      teamKey: t.key,
      languages: langs,
      communityCodes: [],
      topics: pickN(TOPICS, int(0, 2)).sort(),
      neighbourhoodCodes: pickN(t.neighbourhoodCodes, Math.min(3, t.neighbourhoodCodes.length)).sort(),
    });
    teamWorkers.push(w);
  }
}
// Workers' consent is recorded by a colleague, preferably from their own team.
for (const w of teamWorkers) {
  const sameTeam = teamWorkers.filter((x) => x !== w && x.teamKey === w.teamKey);
  w.consentRecordedBy = pick(sameTeam.length ? sameTeam : teamWorkers.filter((x) => x !== w)).name;
}

// Key persons. Somali ones are placed on purpose at growing distance from Kanaleneiland, so that
// "find a Somali-speaking key person near Kanaleneiland" has near, middle and far answers.
const SOMALI_KEY_HOMES = [
  '0832',
  '0832',
  '0831',
  '0823',
  '0822',
  '0812',
  '0811', // Zuidwest
  '0123',
  '0121',
  '0132', // West
  '0341',
  '0342',
  '0311',
  '0322', // Overvecht
  '0222',
  '0732', // Noordwest, Zuid
  '0941',
  '1024',
  '0413',
]; // farther away
// Where other communities' key persons tend to live (buurt codes, weights by rough presence).
const HOMES = {
  eritrean: ['0322', '0311', '0812', '0931', '0232', '0921', '0341'],
  ethiopian: ['0412', '0322', '0832'],
  moroccan: ['0832', '0831', '0822', '0222', '0123', '0312', '0341', '0732', '0121', '0242'],
  turkish: ['0732', '0733', '0232', '0241', '0132', '0123', '0831', '0321'],
  kurdish: ['0212', '0232', '0921', '0311'],
  afghan: ['0311', '1024', '0922', '0342', '0913'],
  iranian: ['1024', '0533'],
  polish: ['0913', '0912', '0621', '1032', '0942'],
  syrian: ['0921', '0941', '0931', '0812', '0322', '1022'],
  iraqi: ['0431', '0212', '0341'],
  antillean: ['0342', '0733', '0321', '0222'],
  surinamese: ['0522', '0712', '0341', '0723', '0244'],
  bulgarian: ['0233', '0222', '0241'],
  romanian: ['0233', '0913'],
  ghanaian: ['0242', '0243', '0244'],
};
const KEY_COUNTS = {
  eritrean: 7,
  ethiopian: 3,
  moroccan: 12,
  turkish: 9,
  kurdish: 4,
  afghan: 6,
  iranian: 2,
  polish: 5,
  syrian: 7,
  iraqi: 4,
  antillean: 4,
  surinamese: 5,
  bulgarian: 3,
  romanian: 2,
  ghanaian: 3,
};

function keyPerson(community, home, opts = {}) {
  const buurt = code(home);
  const orgs = orgsFor(community);
  // Some key persons also interpret informally: common in practice, and the product must show it.
  const alsoInterprets = chance(0.15);
  return addPerson({
    community,
    isKeyPerson: true,
    isInterpreter: alsoInterprets,
    formal: false,
    organisationKey: orgs.length && chance(0.5) ? pick(orgs).key : null,
    languages: languagesFor(community, alsoInterprets ? { interpreterLang: weighted(SPEECH[community].native) } : {}),
    neighbourhoodCodes: activeIn(buurt, int(0, 2)),
    ...opts,
  });
}
SOMALI_KEY_HOMES.forEach((h) => keyPerson('somali', h));
for (const [community, n] of Object.entries(KEY_COUNTS)) {
  for (let i = 0; i < n; i++) keyPerson(community, HOMES[community][i % HOMES[community].length]);
}

// Interpreters. Formal ones (Rbtv-registered) mostly work through the interpreter service and
// cover the whole city; informal ones are volunteers close to their own neighbourhood.
const tolkenpool = 'org-tolkenpool',
  taalmaatjes = 'org-taalmaatjes';
const INTERPRETERS = [
  // [community, language, formal, home]
  ['somali', 'som', true, '0831'],
  ['somali', 'som', true, '0321'],
  ['somali', 'som', true, '0921'],
  ['somali', 'som', false, '0832'],
  ['somali', 'som', false, '0812'],
  ['somali', 'som', false, '0342'],
  ['eritrean', 'tir', true, '0322'],
  ['eritrean', 'tir', true, '0913'],
  ['ethiopian', 'amh', true, '0412'],
  ['syrian', 'ara', true, '0921'],
  ['iraqi', 'ara', true, '0431'],
  ['moroccan', 'ara', true, '0613'],
  ['moroccan', 'rif', true, '0222'],
  ['moroccan', 'ary', true, '0831'],
  ['turkish', 'tur', true, '0732'],
  ['turkish', 'tur', true, '0132'],
  ['afghan', 'prs', true, '1024'],
  ['afghan', 'prs', true, '0311'],
  ['polish', 'pol', true, '0621'],
  ['kurdish', 'kmr', true, '0212'],
  ['iraqi', 'ckb', true, '0341'],
  ['iranian', 'fas', true, '0533'],
  ['bulgarian', 'bul', true, '0233'],
  ['romanian', 'ron', true, '0913'],
  ['eritrean', 'tir', false, '0311'],
  ['eritrean', 'tir', false, '0931'],
  ['eritrean', 'tir', false, '0812'],
  ['syrian', 'ara', false, '0941'],
  ['syrian', 'ara', false, '0322'],
  ['moroccan', 'ara', false, '0123'],
  ['moroccan', 'rif', false, '0832'],
  ['moroccan', 'rif', false, '0312'],
  ['turkish', 'tur', false, '0241'],
  ['turkish', 'tur', false, '0733'],
  ['afghan', 'prs', false, '0922'],
  ['afghan', 'prs', false, '0342'],
  ['polish', 'pol', false, '0912'],
  ['antillean', 'pap', false, '0342'],
  ['kurdish', 'kmr', false, '0232'],
  ['ethiopian', 'amh', false, '0322'],
  ['ghanaian', 'twi', false, '0242'],
  ['bulgarian', 'bul', false, '0222'],
  ['romanian', 'ron', false, '0233'],
];
for (const [community, lang, formal, home] of INTERPRETERS) {
  const buurt = code(home);
  addPerson({
    community,
    isInterpreter: true,
    formal,
    organisationKey: formal ? (chance(0.65) ? tolkenpool : null) : chance(0.5) ? taalmaatjes : null,
    languages: languagesFor(community, { interpreterLang: lang, formal }),
    neighbourhoodCodes: formal
      ? [
          buurt,
          ...pickN(
            [...NBH.keys()].filter((c) => c !== buurt),
            int(0, 2),
          ),
        ]
      : activeIn(buurt, int(0, 2)),
    topics: formal ? [] : pickN(TOPICS, int(0, 2)).sort(),
  });
}

// Organisation contact persons: most organisations get one; a few deliberately have none so the
// "missing contact person" gap shows up in the monitoring views.
const WITHOUT_CONTACT = new Set(['org-sint-wojciech', 'org-nyame-adom', 'org-taalcafe-de-brug', 'org-kurason', 'org-habesha-huis']);
for (const o of organisations) {
  if (WITHOUT_CONTACT.has(o.key)) continue;
  const community =
    o.communityCodes.length && !['COMMUNITY_CENTRE', 'WELFARE_ORGANISATION'].includes(o.kind)
      ? o.communityCodes[0]
      : weighted([
          ['dutch', 60],
          ['moroccan', 15],
          ['turkish', 15],
          ['surinamese', 10],
        ]);
  const isKey = community !== 'dutch' && o.kind !== 'INTERPRETER_SERVICE' && chance(0.55);
  addPerson({
    community,
    isKeyPerson: isKey,
    isContactPerson: true,
    organisationKey: o.key,
    languages: languagesFor(community),
    communityCodes: o.communityCodes.length ? o.communityCodes.slice(0, 2) : [],
    neighbourhoodCodes: o.neighbourhoodCodes.slice(0, int(1, 3)),
  });
}

// ---- registry: fixed contact persons, agreements, walk-in hours (issue 3) ------------------------
// Its own PRNG, so that adding this section left everything above byte-for-byte the same.

const reg = mulberry32(20261203);
const rInt = (lo, hi) => lo + Math.floor(reg() * (hi - lo + 1));
const rPick = (arr) => arr[Math.floor(reg() * arr.length)];
const rBetween = (a, b) => iso(toDate(a) + rInt(0, Math.round((toDate(b) - toDate(a)) / DAY)) * DAY);
const at = (date) => `${date}T08:00:00.000Z`; // assignments start and end at a moment, not a day

const workersOf = (teamKey) => persons.filter((p) => p.teamKey === teamKey && p.isContactPerson);
const orgContactOf = (orgKey) => persons.find((p) => p.organisationKey === orgKey && p.isContactPerson);
const orgMembersOf = (orgKey) => persons.filter((p) => p.organisationKey === orgKey && !p.isContactPerson);

// Every team has a current fixed contact; the teams with two workers also show who it was before.
const contactAssignments = [];
for (const t of teams) {
  const [current, previous] = workersOf(t.key);
  const since = rBetween('2024-09-01', addDays(TODAY, -40));
  if (previous) {
    contactAssignments.push({
      partyType: 'TEAM',
      teamKey: t.key,
      personKey: previous.key,
      since: at(rBetween('2022-01-10', addDays(since, -200))),
      until: at(since),
      note: 'Overgedragen bij wisseling van taken',
    });
  }
  contactAssignments.push({ partyType: 'TEAM', teamKey: t.key, personKey: current.key, since: at(since), until: null, note: null });
}
// Most organisations have one (those without a contact person stay without); some have history.
for (const o of organisations) {
  const contact = orgContactOf(o.key);
  if (!contact) continue;
  const since = rBetween('2024-03-01', addDays(TODAY, -30));
  const former = orgMembersOf(o.key)[0];
  if (former && reg() < 0.7) {
    contactAssignments.push({
      partyType: 'ORGANISATION',
      organisationKey: o.key,
      personKey: former.key,
      since: at(rBetween('2022-06-01', addDays(since, -150))),
      until: at(since),
      note: null,
    });
  }
  contactAssignments.push({ partyType: 'ORGANISATION', organisationKey: o.key, personKey: contact.key, since: at(since), until: null, note: null });
}

// Agreements: [org or person key, team key, type, status, neighbourhood codes (short) or null = shared ones]
const WIFA = {
  WALK_IN_HOUR: [
    'Jaarlijkse bedankbijeenkomst voor de vrijwilligers',
    'Het team deelt wijziging in regelingen vooraf met de partner',
    'De partner stelt de ruimte kosteloos beschikbaar; het team zorgt voor materiaal',
    'Elk kwartaal een evaluatie met beide vaste contactpersonen',
  ],
  INFORMATION_MEETING: [
    'De sleutelpersonen worden genoemd in de uitnodiging en het verslag',
    'Het team levert voorlichtingsmateriaal in eenvoudige taal',
    'De partner nodigt de achterban uit en regelt tolken waar nodig',
    'Na elke bijeenkomst een korte nabespreking',
  ],
  REFERRAL_ROUTE: [
    'Terugkoppeling aan de partner over wat een verwijzing opleverde (met toestemming)',
    'Het team meldt wachttijden en wijzigingen in de route',
    'Vaste contactpersoon bij het team die binnen twee werkdagen terugbelt',
    'Halfjaarlijks overleg over knelpunten in de route',
  ],
  DUO_COACHING: [
    'Vrijwilligersvergoeding en een certificaat na afloop',
    'De sleutelpersoon wordt ingewerkt in de werkwijze van het team',
    'Gezamenlijke huisbezoeken; het team regelt de planning',
    'Maandelijkse intervisie met de coach van het team',
  ],
  OTHER: ['Publieke waardering in de wijkkrant', 'Wederzijds delen van de activiteitenagenda', 'Gebruik van elkaars ruimtes', 'Twee keer per jaar afstemming'],
};
const TITLES = {
  WALK_IN_HOUR: (p) => `Wekelijks spreekuur bij ${p}`,
  INFORMATION_MEETING: (p) => `Voorlichtingsbijeenkomsten met ${p}`,
  REFERRAL_ROUTE: (p) => `Verwijsroute met ${p}`,
  DUO_COACHING: (p) => `Duo-coaching met ${p}`,
  OTHER: (p) => `Samenwerking met ${p}`,
};
const AGREEMENT_DEFS = [
  // Kanaleneiland (BU03440831 / BU03440832 / BU03440821): every status
  ['org-hiil-wadaag', 'team-zuidwest', 'WALK_IN_HOUR', 'ACTIVE', ['0832']],
  ['org-al-amal-ouders', 'team-zuidwest', 'INFORMATION_MEETING', 'ACTIVE', ['0831', '0832']],
  ['org-de-kanaalhoek', 'team-zuidwest', 'WALK_IN_HOUR', 'ENDED', ['0831', '0821']],
  ['org-moskee-en-nour', 'team-zuidwest', 'REFERRAL_ROUTE', 'DRAFT', ['0832', '0823']],
  ['org-vrouwencentrum-zuidwest', 'team-jgt-zuidwest', 'INFORMATION_MEETING', 'ACTIVE', ['0822', '0831']],
  ['org-de-kanaalhoek', 'team-wijkteam-werk-zuidwest', 'WALK_IN_HOUR', 'ACTIVE', ['0821', '0831']],
  ['org-kanaleneiland-united', 'team-jgt-zuidwest', 'OTHER', 'ENDED', ['0812', '0832']],
  // elsewhere
  ['org-somalische-vrouwen-overvecht', 'team-overvecht-noord', 'WALK_IN_HOUR', 'ACTIVE', null],
  ['org-de-dreef', 'team-overvecht-zuid', 'WALK_IN_HOUR', 'ACTIVE', null],
  ['org-selam-utrecht', 'team-overvecht-zuid', 'DUO_COACHING', 'ACTIVE', null],
  ['org-bamyan', 'team-overvecht-zuid', 'REFERRAL_ROUTE', 'DRAFT', null],
  ['org-marokkaanse-senioren', 'team-wijkteam-werk-overvecht', 'INFORMATION_MEETING', 'ENDED', null],
  ['org-yesil-vadi', 'team-zuid', 'WALK_IN_HOUR', 'ACTIVE', null],
  ['org-de-wissel', 'team-zuid', 'WALK_IN_HOUR', 'ENDED', null],
  ['org-tafsut', 'team-noordwest-zuilen', 'INFORMATION_MEETING', 'ACTIVE', null],
  ['org-newroz', 'team-noordwest-zuilen', 'REFERRAL_ROUTE', 'ACTIVE', null],
  ['org-de-lindeboom', 'team-jgt-west', 'WALK_IN_HOUR', 'DRAFT', null],
  ['org-most', 'team-leidsche-rijn-terwijde', 'WALK_IN_HOUR', 'ACTIVE', null],
  ['org-nieuwkomerscafe-lr', 'team-statushouders', 'REFERRAL_ROUTE', 'ACTIVE', null],
  ['org-mehr-vrouwen', 'team-vleuten', 'INFORMATION_MEETING', 'DRAFT', null],
  ['org-anansi', 'team-oost-sterrenwijk', 'INFORMATION_MEETING', 'ENDED', null],
  ['org-rondkomen', 'team-binnenstad', 'REFERRAL_ROUTE', 'ACTIVE', null],
  ['org-dushi-kas', 'team-overvecht-noord', 'DUO_COACHING', 'DRAFT', null],
];
const agreements = [];
const partyName = (party) => party.name.replace(/^(Stichting|Vereniging) /, '');
function addAgreement(party, partyKind, teamKey, type, status, shortCodes) {
  const team = teams.find((t) => t.key === teamKey);
  const partyCodes = party.neighbourhoodCodes;
  const shared = partyCodes.filter((c) => team.neighbourhoodCodes.includes(c)).slice(0, 3);
  const codes = shortCodes ? shortCodes.map(code) : shared.length ? shared : [partyCodes[0]];
  const startsOn = status === 'DRAFT' ? rBetween(addDays(TODAY, 7), addDays(TODAY, 60)) : rBetween('2023-01-09', addDays(TODAY, -90));
  const endsOn = status === 'ENDED' ? rBetween(addDays(startsOn, 60), addDays(TODAY, -10)) : null;
  const reviewOn = status === 'ENDED' ? null : addDays(startsOn, rPick([182, 365]));
  const [appreciate, inform, facilitate, align] = WIFA[type];
  const teamContact = workersOf(teamKey)[0];
  const partnerContact = partyKind === 'person' ? party : orgContactOf(party.key);
  agreements.push({
    key: `agreement-${String(agreements.length + 1).padStart(2, '0')}`,
    title: TITLES[type](partyKind === 'person' ? party.name : partyName(party)),
    type,
    status,
    teamKey,
    organisationKey: partyKind === 'organisation' ? party.key : null,
    personKey: partyKind === 'person' ? party.key : null,
    neighbourhoodCodes: codes,
    teamContactPersonKey: teamContact?.key ?? null,
    partnerContactPersonKey: partnerContact?.key ?? null,
    teamCommitment: 'Een vaste medewerker is aanwezig, neemt vragen mee en koppelt binnen een week terug.',
    partnerCommitment:
      type === 'WALK_IN_HOUR'
        ? 'Stelt de ruimte beschikbaar en maakt het spreekuur bekend bij de achterban.'
        : 'Brengt het team in contact met de achterban en signaleert vragen vroeg.',
    appreciate,
    inform,
    facilitate,
    align,
    volunteerCompensation:
      partyKind === 'person' || type === 'DUO_COACHING'
        ? '€ 25 per dagdeel, maximaal € 180 per maand'
        : reg() < 0.4
          ? '€ 15 per bijeenkomst voor de vrijwilligers'
          : null,
    startsOn,
    reviewOn,
    endsOn,
    endReason: status === 'ENDED' ? rPick(['Ruimte niet meer beschikbaar', 'Doel bereikt; overgegaan in een verwijsroute', 'Vrijwilligers gestopt']) : null,
    lastVerifiedOn: rBetween(addDays(TODAY, -300), TODAY),
  });
}
for (const [partyKey, teamKey, type, status, shortCodes] of AGREEMENT_DEFS) {
  addAgreement(
    organisations.find((o) => o.key === partyKey),
    'organisation',
    teamKey,
    type,
    status,
    shortCodes,
  );
}
// Agreements with key persons: duo coaching with trained Somali and Eritrean key persons.
const trainedKeyPersons = persons.filter((p) => p.isKeyPerson && p.trainedKeyPerson && p.volunteerContract);
for (const [i, status] of ['ACTIVE', 'ACTIVE', 'ENDED', 'DRAFT'].entries()) {
  const kp = trainedKeyPersons[i * 3];
  const team = homeTeam(kp.neighbourhoodCodes[0]);
  addAgreement(kp, 'person', team.key, 'DUO_COACHING', status, null);
}

// Walk-in hours: under each walk-in agreement that is (or was) running, at the partner's venue,
// and a few an organisation holds on its own.
const activities = [];
const TIMES = [
  ['09:30', '11:30'],
  ['10:00', '12:00'],
  ['13:30', '15:30'],
  ['14:00', '16:00'],
  ['19:00', '20:30'],
];
function addActivity({ name, organisation, agreement, validFrom, validUntil, languageCodes, description }) {
  const [startTime, endTime] = rPick(TIMES);
  activities.push({
    key: `activity-${String(activities.length + 1).padStart(2, '0')}`,
    name,
    description,
    weekday: rInt(1, 6),
    startTime,
    endTime,
    validFrom,
    validUntil,
    venueName: organisation.name,
    venueAddress: `${organisation.address}, ${organisation.postcode} ${organisation.city}`,
    neighbourhoodCode: organisation.neighbourhoodCodes[0],
    organisationKey: organisation.key,
    agreementKey: agreement?.key ?? null,
    languageCodes,
    lastVerifiedOn: rBetween(addDays(TODAY, -200), TODAY),
  });
}
for (const a of agreements.filter((x) => x.type === 'WALK_IN_HOUR' && x.status !== 'DRAFT')) {
  const organisation = organisations.find((o) => o.key === a.organisationKey);
  const team = teams.find((t) => t.key === a.teamKey);
  const languages = organisation.languageCodes.filter((c) => c !== 'nld').slice(0, 2);
  addActivity({
    name: `Spreekuur ${team.name}`,
    organisation,
    agreement: a,
    validFrom: a.startsOn,
    validUntil: a.endsOn,
    languageCodes: ['nld', ...languages],
    description: 'Inloop zonder afspraak voor vragen over geld, zorg, opvoeding en post.',
  });
}
for (const [orgKey, name] of [
  ['org-de-kanaalhoek', 'Taalcafé'],
  ['org-de-dreef', 'Inloop voor nieuwkomers'],
  ['org-huis-van-de-wijk-parkwijk', 'Formulierenhulp'],
  ['org-hiil-wadaag', 'Vrouwenochtend'],
  ['org-habesha-huis', 'Koffieochtend'],
]) {
  const organisation = organisations.find((o) => o.key === orgKey);
  addActivity({
    name,
    organisation,
    validFrom: rBetween('2024-01-08', addDays(TODAY, -60)),
    validUntil: null,
    languageCodes: organisation.languageCodes.slice(0, 3),
    description: null,
  });
}

// ---- write ------------------------------------------------------------------------------------

// Demo accounts, one per role, named so scripts can rely on them; the loader hashes the password "demo".
// The coordinator coordinates the neighbourhood team that covers Kanaleneiland (BU03440832); the
// member belongs to a team elsewhere, so the two see each other's limits.
const kanaleneilandTeam = teams.find((t) => t.kind === 'NEIGHBOURHOOD_TEAM' && t.neighbourhoodCodes.includes('BU03440832'));
const otherTeam = teams.find((t) => t.kind === 'NEIGHBOURHOOD_TEAM' && !t.neighbourhoodCodes.includes('BU03440832') && t.key.includes('overvecht'));
const users = [
  { email: 'beheerder@example.org', role: 'ADMINISTRATOR', teamKeys: [] },
  { email: 'coordinator@example.org', role: 'COORDINATOR', teamKeys: [kanaleneilandTeam.key] },
  { email: 'medewerker@example.org', role: 'MEMBER', teamKeys: [otherTeam.key] },
];

const network = { communities: COMMUNITIES, teams, organisations, persons, contactAssignments, agreements, activities, users };
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, JSON.stringify(network, null, 1) + '\n');

// ---- checks & summary -------------------------------------------------------------------------

const errors = [];
const check = (ok, msg) => {
  if (!ok) errors.push(msg);
};
const orgKeys = new Set(organisations.map((o) => o.key)),
  teamKeys = new Set(teams.map((t) => t.key));
const commCodes = new Set(COMMUNITIES.map((c) => c.code));
for (const c of teams
  .flatMap((t) => t.neighbourhoodCodes)
  .concat(
    organisations.flatMap((o) => o.neighbourhoodCodes),
    persons.flatMap((p) => p.neighbourhoodCodes),
  ))
  check(NBH.has(c), `unknown buurt ${c}`);
for (const c of organisations.flatMap((o) => o.communityCodes).concat(persons.flatMap((p) => p.communityCodes)))
  check(commCodes.has(c), `unknown community ${c}`);
for (const p of persons) {
  check(!p.organisationKey || orgKeys.has(p.organisationKey), `${p.key}: bad org`);
  check(!p.teamKey || teamKeys.has(p.teamKey), `${p.key}: bad team`);
  check((p.interpreterFormal === null) === !p.isInterpreter, `${p.key}: interpreterFormal`);
  check((p.registrationNumber !== null) === (p.interpreterFormal === true), `${p.key}: registration`);
  check(/^06-[1-9]\d{7}$/.test(p.phone), `${p.key}: phone ${p.phone}`);
  check(p.neighbourhoodCodes.length >= 1 && p.neighbourhoodCodes.length <= 3, `${p.key}: buurten`);
  check(!p.lastVerifiedOn || p.consentGivenOn < p.lastVerifiedOn, `${p.key}: consent after verification`);
  check(p.consentGivenOn <= TODAY && (!p.lastVerifiedOn || p.lastVerifiedOn <= TODAY), `${p.key}: future date`);
  check(p.consentRecordedBy !== p.name, `${p.key}: recorded own consent`);
  check(!p.isContactPerson || p.organisationKey || p.teamKey, `${p.key}: contact person without party`);
}
const nbhTeamCover = new Set(teams.filter((t) => t.kind === 'NEIGHBOURHOOD_TEAM').flatMap((t) => t.neighbourhoodCodes));
check(nbhTeamCover.size === NBH.size, `buurten without neighbourhood team: ${NBH.size - nbhTeamCover.size}`);
const contacts = persons.filter((p) => p.isContactPerson);
for (const t of teams)
  check(
    contacts.some((p) => p.teamKey === t.key),
    `${t.key} has no contact person`,
  );
const orgsWithContact = organisations.filter((o) => contacts.some((p) => p.organisationKey === o.key)).length;
check(orgsWithContact / organisations.length >= 0.8, `only ${orgsWithContact} organisations with contact`);
check(persons.length >= 180, `only ${persons.length} persons`);
const langCount = {};
for (const p of persons) for (const l of p.languages) langCount[l.code] = (langCount[l.code] ?? 0) + 1;
for (const l of ['som', 'tir', 'ara', 'rif', 'tur', 'prs', 'pol', 'pap']) check(langCount[l], `language ${l} missing`);
check(Object.keys(langCount).length >= 16, 'fewer than 16 languages');
const allText = JSON.stringify(network);
check(!/@(?!([a-z0-9-]+\.)?example\.org)/.test(allText.replace(/https:\/\/[a-z0-9.-]+/g, (u) => u)), 'non-example.org e-mail');
check(
  [...allText.matchAll(/https?:\/\/([^"/]+)/g)].every((m) => m[1].endsWith('.example.org')),
  'non-example.org website',
);

// registry checks
const personByKey = new Map(persons.map((p) => [p.key, p]));
for (const t of teams) check(contactAssignments.filter((c) => c.teamKey === t.key && !c.until).length === 1, `${t.key}: not exactly one current contact`);
for (const c of contactAssignments) {
  const p = personByKey.get(c.personKey);
  check(p && (c.teamKey ? p.teamKey === c.teamKey : p.organisationKey === c.organisationKey), `contact ${c.personKey} not of its party`);
  check(!c.until || c.since < c.until, `contact ${c.personKey}: until before since`);
}
check(agreements.length >= 20, `only ${agreements.length} agreements`);
const KANALENEILAND = ['BU03440831', 'BU03440832', 'BU03440821'];
for (const status of ['DRAFT', 'ACTIVE', 'ENDED']) {
  check(
    agreements.some((a) => a.status === status && a.neighbourhoodCodes.some((c) => KANALENEILAND.includes(c))),
    `no ${status} agreement in Kanaleneiland`,
  );
}
for (const a of agreements) {
  check(a.neighbourhoodCodes.length >= 1 && a.neighbourhoodCodes.every((c) => NBH.has(c)), `${a.key}: neighbourhoods`);
  check(!a.endsOn || a.endsOn >= a.startsOn, `${a.key}: ends before start`);
  const tc = a.teamContactPersonKey && personByKey.get(a.teamContactPersonKey);
  check(!tc || tc.teamKey === a.teamKey, `${a.key}: team contact not of team`);
  const pc = a.partnerContactPersonKey && personByKey.get(a.partnerContactPersonKey);
  check(!pc || (a.organisationKey ? pc.organisationKey === a.organisationKey : pc.key === a.personKey), `${a.key}: partner contact not of partner`);
}
check(new Set(activities.map((a) => a.venueName)).size >= 5, 'walk-in hours at fewer than 5 venues');

const verified = [...organisations, ...persons].map((r) => r.lastVerifiedOn);
const stale = verified.filter((d) => d && d < addDays(TODAY, -365)).length;
const never = verified.filter((d) => d === null).length;

console.log(`wrote ${OUT}`);
console.log(
  `communities ${COMMUNITIES.length}, teams ${teams.length} (${Object.entries(groupBy(teams, (t) => t.kind))
    .map(([k, v]) => `${k} ${v.length}`)
    .join(', ')})`,
);
console.log(`organisations ${organisations.length} (${orgsWithContact} with a contact person)`);
console.log(
  `persons ${persons.length}: key persons ${persons.filter((p) => p.isKeyPerson).length}, ` +
    `formal interpreters ${persons.filter((p) => p.interpreterFormal === true).length}, ` +
    `informal interpreters ${persons.filter((p) => p.interpreterFormal === false).length}, ` +
    `contact persons ${contacts.length} (team ${contacts.filter((p) => p.teamKey).length}, organisation ${contacts.filter((p) => p.organisationKey).length})`,
);
console.log(`lastVerifiedOn (orgs+persons): ${verified.length - stale - never} recent-ish, ${stale} older than 12 months, ${never} never`);
console.log(
  `languages (${Object.keys(langCount).length}): ` +
    Object.entries(langCount)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(', '),
);
const ref = NBH.get('BU03440832');
console.log(`Somali-speaking key persons by buurt (distance from ${ref.name} centroid):`);
const somaliKeys = persons.filter((p) => p.isKeyPerson && p.languages.some((l) => l.code === 'som'));
const byBuurt = groupBy(somaliKeys, (p) => p.neighbourhoodCodes[0]);
for (const [c, ps] of Object.entries(byBuurt).sort((a, b) => km(ref.centroid, NBH.get(a[0]).centroid) - km(ref.centroid, NBH.get(b[0]).centroid))) {
  const n = NBH.get(c);
  console.log(`  ${km(ref.centroid, n.centroid).toFixed(2).padStart(5)} km  ${c} ${n.name}: ${ps.map((p) => p.name).join(', ')}`);
}
console.log(
  `Somali interpreters: formal ${persons.filter((p) => p.interpreterFormal === true && p.languages.some((l) => l.code === 'som')).length}, ` +
    `informal ${persons.filter((p) => p.interpreterFormal === false && p.languages.some((l) => l.code === 'som')).length}`,
);
console.log(
  `contact assignments ${contactAssignments.length} (${contactAssignments.filter((c) => c.until).length} ended), agreements ${agreements.length} (` +
    ['DRAFT', 'ACTIVE', 'ENDED'].map((st) => `${st} ${agreements.filter((a) => a.status === st).length}`).join(', ') +
    `), walk-in hours ${activities.length}`,
);
if (errors.length) {
  console.error(`${errors.length} CHECK(S) FAILED:\n  ` + [...new Set(errors)].join('\n  '));
  process.exitCode = 1;
} else console.log('all checks passed');
