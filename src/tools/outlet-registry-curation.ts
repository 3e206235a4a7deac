/**
 * Hand curation applied to State Media Matrix rows when the registry is built
 * (`npm run registry:build`). The Matrix already classifies most state outlets that
 * matter (Press TV, IRNA, Tasnim, RT, Xinhua…); rather than duplicating them in the
 * curated file, this table gives their Matrix groups a stable id, the names they are
 * credited by in English text, native-script names, extra domains and the agency flag.
 *
 * A curation applies to the Matrix group that contains one of its `hosts` (or, for
 * assets without a website, the asset named `asset`). All groups it names are merged.
 * `aliases`, when given, replace the aliases derived from the Matrix's asset names,
 * because those are sometimes wrong (the Matrix gives China Daily the Chinese name of
 * China Youth Daily) or too generic.
 */
export interface MatrixCuration {
  readonly id: string;
  readonly country: string;
  readonly hosts?: readonly string[];
  readonly asset?: string;
  readonly name?: string;
  readonly aliases?: readonly string[];
  readonly ambiguousNames?: readonly string[];
  /** Domains the Matrix does not list. */
  readonly extraDomains?: readonly string[];
  readonly kind?: 'outlet' | 'wire';
  readonly parent?: string;
  readonly note?: string;
}

/** Hosts in the Matrix that do not belong to the outlet (a third-party monitor, a company home page). */
export const DROPPED_HOSTS: ReadonlySet<string> = new Set(['kcnawatch.org', 'socar.az']);

export const MATRIX_CURATION: readonly MatrixCuration[] = [
  // Iran
  { id: 'irna', country: 'Iran', hosts: ['irna.ir'], name: 'IRNA', aliases: ['Islamic Republic News Agency', 'IRNA news agency', 'ایرنا'], kind: 'wire', parent: 'Government of Iran' },
  { id: 'iran-daily', country: 'Iran', hosts: ['irandaily.ir'], name: 'Iran Daily', aliases: [], extraDomains: ['irandaily.ir'], kind: 'outlet' },
  { id: 'iran-newspaper', country: 'Iran', asset: 'Print: Iran', name: 'Iran newspaper', aliases: ['روزنامه ایران'], ambiguousNames: ['Iran'], kind: 'outlet' },
  { id: 'irib', country: 'Iran', hosts: ['irib.ir'], name: 'IRIB', aliases: ['Islamic Republic of Iran Broadcasting', 'IRIB TV', 'IRIB News', 'Tehran Radio', 'صدا و سیما'] },
  { id: 'press-tv', country: 'Iran', hosts: ['presstv.ir', 'presstv.com', 'presstvdoc.com'], name: 'Press TV', aliases: ['PressTV', 'پرس تی وی'], extraDomains: ['presstv.co.uk'] },
  { id: 'pars-today', country: 'Iran', hosts: ['parstoday.ir'], name: 'Pars Today', aliases: ['ParsToday', 'پارس تودی'] },
  { id: 'tasnim', country: 'Iran', hosts: ['tasnimnews.com'], name: 'Tasnim News Agency', aliases: ['Tasnim', 'Tasnim news agency', 'خبرگزاری تسنیم', 'تسنیم'], kind: 'wire' },
  { id: 'mehr', country: 'Iran', hosts: ['mehrnews.com'], name: 'Mehr News Agency', aliases: ['Mehr', 'Mehr news agency', 'MNA', 'خبرگزاری مهر'], kind: 'wire', extraDomains: ['mehrnews.com'] },
  { id: 'fars', country: 'Iran', hosts: ['farsnews.ir'], name: 'Fars News Agency', aliases: ['Fars', 'Fars news agency', 'FNA', 'خبرگزاری فارس'], kind: 'wire', extraDomains: ['farsnews.com'] },
  { id: 'isna', country: 'Iran', hosts: ['isna.ir'], name: 'ISNA', aliases: ["Iranian Students' News Agency", 'Iranian Students News Agency', 'ایسنا'], kind: 'wire' },
  { id: 'tehran-times', country: 'Iran', hosts: ['tehrantimes.com'], name: 'Tehran Times', aliases: ['تهران تایمز'] },
  { id: 'kayhan', country: 'Iran', hosts: ['kayhan.ir'], name: 'Kayhan', aliases: ['Keyhan', 'Kayhan Al Arabi', 'کیهان'] },
  // Russia
  { id: 'tass', country: 'Russia', hosts: ['tass.com', 'tass.ru'], name: 'TASS', aliases: ['Tass', 'ITAR-TASS', 'ТАСС'], kind: 'wire' },
  { id: 'ria-novosti', country: 'Russia', hosts: ['ria.ru'], name: 'RIA Novosti', aliases: ['RIA', 'RIA-Novosti', 'РИА Новости'], kind: 'wire', parent: 'Rossiya Segodnya' },
  { id: 'sputnik', country: 'Russia', hosts: ['sputnikglobe.com', 'sputniknews.in', 'sputniknews.com'], name: 'Sputnik', aliases: ['Sputnik News', 'Sputnik International', 'Sputnik Arabic', 'Sputnik Turkish', 'Спутник'], parent: 'Rossiya Segodnya' },
  { id: 'rt', country: 'Russia', hosts: ['rt.com'], name: 'RT', aliases: ['Russia Today', 'RT International', 'RT News', 'RT Arabic', 'Russian RT'], parent: 'ANO TV-Novosti' },
  // China
  { id: 'xinhua', country: 'China', hosts: ['xinhuanet.com', 'news.cn'], name: 'Xinhua', aliases: ['Xinhua News Agency', 'New China News Agency', 'Xinhuanet', 'CNC World', '新华社'], kind: 'wire' },
  { id: 'cgtn', country: 'China', hosts: ['cgtn.com'], name: 'CGTN', aliases: ['China Global Television Network', 'CGTN America', 'CGTN Africa', 'CGTN Europe', '中国国际电视台'], parent: 'China Media Group' },
  { id: 'cctv', country: 'China', hosts: ['cctv.com', 'cctv.cn', 'cntv.cn'], name: 'CCTV', aliases: ['China Central Television', '中央电视台'], parent: 'China Media Group' },
  { id: 'cri', country: 'China', hosts: ['cri.cn'], name: 'China Radio International', aliases: ['CRI', '中国国际广播电台'], parent: 'China Media Group' },
  { id: 'global-times', country: 'China', hosts: ['globaltimes.cn', 'huanqiu.com'], name: 'Global Times', aliases: ['Huanqiu Shibao', 'Huanqiu', '环球时报'], parent: "People's Daily" },
  { id: 'china-daily', country: 'China', hosts: ['chinadaily.com.cn', 'chinadailyhk.com'], name: 'China Daily', aliases: ['China Daily Global', 'China Daily HK', 'China Daily USA', 'China Daily Europe', '中国日报'], parent: 'China Daily Group' },
  { id: 'peoples-daily', country: 'China', hosts: ['people.cn', 'people.com.cn'], name: "People's Daily", aliases: ['Renmin Ribao', "People's Daily Online", '人民日报'] },
  { id: 'china-news-service', country: 'China', hosts: ['chinanews.com', 'ecns.cn'], name: 'China News Service', aliases: ['CNS', 'ECNS', 'China Internet News Center', '中国新闻社', '中新社'], kind: 'wire' },
  // Middle East
  { id: 'al-jazeera', country: 'Qatar', hosts: ['aljazeera.com', 'aljazeera.net', 'ajplus.net'], name: 'Al Jazeera', aliases: ['Aljazeera', 'Al-Jazeera', 'Al Jazeera English', 'AJ+', 'الجزيرة'] },
  { id: 'al-manar', country: 'Lebanon', hosts: ['almanar.com.lb'], name: 'Al-Manar', aliases: ['Al Manar', 'Almanar', 'المنار'], extraDomains: ['almanar.com.lb'], note: 'Hezbollah television; the Matrix lists it under Lebanon as state-controlled.' },
  { id: 'sana', country: 'Syria', hosts: ['sana.sy'], name: 'SANA', aliases: ['Syrian Arab News Agency', 'سانا'], kind: 'wire' },
  { id: 'anadolu', country: 'Turkey', hosts: ['aa.com.tr'], name: 'Anadolu Agency', aliases: ['Anadolu', 'Anadolu Ajansı', 'Anadolu news agency'], kind: 'wire' },
  { id: 'trt', country: 'Turkey', hosts: ['trt.net.tr'], name: 'TRT', aliases: ['Turkish Radio and Television Corporation', 'Türkiye Radyo ve Televizyon Kurumu'] },
  { id: 'trt-world', country: 'Turkey', hosts: ['trtworld.com'], name: 'TRT World', aliases: [] },
  { id: 'wam', country: 'United Arab Emirates', hosts: ['wam.ae'], name: 'WAM', aliases: ['Emirates News Agency'], kind: 'wire' },
  { id: 'spa', country: 'Saudi Arabia', hosts: ['spa.gov.sa'], name: 'Saudi Press Agency', aliases: ['SPA'], kind: 'wire' },
  { id: 'mena', country: 'Egypt', hosts: ['mena.org.eg'], name: 'Middle East News Agency', aliases: ['MENA'], kind: 'wire' },
  { id: 'kuna', country: 'Kuwait', hosts: ['kuna.net.kw'], name: 'KUNA', aliases: ['Kuwait News Agency'], kind: 'wire' },
  { id: 'petra', country: 'Jordan', hosts: ['petra.gov.jo'], name: 'Petra', aliases: ['PETRA', 'Jordan News Agency'], kind: 'wire' },
  { id: 'wafa', country: 'Palestinian territories', hosts: ['wafa.ps'], name: 'WAFA', aliases: ['Wafa', 'Palestine News & Info Agency', 'Palestinian news agency WAFA'], kind: 'wire' },
  { id: 'qna', country: 'Qatar', hosts: ['qna.org.qa'], name: 'Qatar News Agency', aliases: ['QNA'], kind: 'wire' },
  // Public media with editorial independence (not state-affiliated in the registry's sense)
  { id: 'bbc', country: 'United Kingdom', hosts: ['bbc.co.uk', 'bbc.com'], name: 'BBC', aliases: ['British Broadcasting Corporation', 'BBC News', 'BBC World Service', 'BBC Persian'] },
  { id: 'voa', country: 'United States', hosts: ['voanews.com'], name: 'Voice of America', aliases: ['VOA', 'VOA News'], parent: 'U.S. Agency for Global Media' },
  { id: 'rferl', country: 'United States', hosts: ['rferl.org'], name: 'Radio Free Europe/Radio Liberty', aliases: ['RFE/RL', 'Radio Free Europe', 'Radio Liberty'], parent: 'U.S. Agency for Global Media' },
  { id: 'npr', country: 'United States', hosts: ['npr.org'], name: 'NPR', aliases: ['National Public Radio', 'NPR News', 'NPR Online News'] },
  { id: 'pbs', country: 'United States', hosts: ['pbs.org'], name: 'PBS', aliases: ['Public Broadcasting Service', 'PBS NewsHour'] },
  { id: 'dw', country: 'Germany', hosts: ['dw.com'], name: 'Deutsche Welle', aliases: ['DW'] },
  { id: 'france-24', country: 'France', hosts: ['france24.com'], name: 'France 24', aliases: ['France24'], parent: 'France Médias Monde' },
  { id: 'rfi', country: 'France', hosts: ['rfi.fr'], name: 'Radio France Internationale', aliases: ['RFI'], parent: 'France Médias Monde' },
  { id: 'nhk', country: 'Japan', hosts: ['nhk.or.jp'], name: 'NHK', aliases: ['Japan Broadcasting Corporation', 'NHK World'] },
  { id: 'abc-australia', country: 'Australia', hosts: ['abc.net.au'], name: 'Australian Broadcasting Corporation', aliases: ['ABC Australia', 'ABC News Australia'], ambiguousNames: ['ABC'] },
  { id: 'cbc', country: 'Canada', hosts: ['cbc.ca'], name: 'CBC', aliases: ['Canadian Broadcasting Corporation', 'CBC News'] },
  { id: 'efe', country: 'Spain', hosts: ['efe.com'], name: 'EFE', aliases: ['Agencia EFE'], kind: 'wire' },
  { id: 'yonhap', country: 'South Korea', hosts: ['yonhapnews.co.kr'], name: 'Yonhap', aliases: ['Yonhap News Agency', '연합뉴스'], kind: 'wire', extraDomains: ['yna.co.kr'] },
];
