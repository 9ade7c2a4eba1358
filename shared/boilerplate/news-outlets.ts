// Names of news agencies and outlets as they appear in source, credit and dateline lines.

export const NEWS_AGENCIES: readonly string[] = [
  // Arabic spellings, with and without dots
  'رويترز', 'أ ف ب', 'أ.ف.ب', 'ا ف ب', 'فرانس برس', 'وكالة فرانس برس', 'الفرنسية', 'أ ب', 'أ.ب', 'ا ب',
  'أسوشيتد برس', 'اسوشيتد برس', 'أسوشييتد برس', 'د ب أ', 'د.ب.أ', 'الأناضول', 'الاناضول', 'وكالة الأناضول',
  'وام', 'واس', 'سانا', 'قنا', 'كونا', 'بترا', 'سبوتنيك', 'شينخوا', 'إرنا', 'ارنا', 'تاس', 'نوفوستي',
  'وكالات', 'وكالات الأنباء', 'وكالات أنباء', 'مواقع إلكترونية', 'مواقع التواصل', 'متابعات', 'الجزيرة', 'الجزيرة نت',
  'الجزيرة + وكالات', 'سكاي نيوز عربية', 'العربية.نت', 'العربية نت', 'العربية', 'روسيا اليوم', 'بي بي سي', 'بي بي سي عربي',
  'اليوم السابع', 'مصراوي', 'الأهرام', 'هسبريس', 'الشروق', 'المصري اليوم', 'النهار', 'عربي21', 'القدس العربي', 'الخليج',
  'البيان', 'الاتحاد', 'عكاظ', 'سبق', 'الوطن', 'الرياض', 'الأيام', 'الغد', 'الدستور', 'المدن', 'الأخبار', 'العربي الجديد',
  'الشرق', 'الراي', 'القبس', 'الجريدة', 'الوسط', 'هبة بريس', 'الأنباء', 'إرم نيوز', 'الميادين', 'المنار', 'الشرق الأوسط', 'الحرة', 'فرانس 24', 'دويتشه فيله', 'CNN بالعربية', 'سي إن إن',
  // Latin spellings
  'Reuters', 'REUTERS', 'AFP', 'AP', 'Associated Press', 'The Associated Press', 'dpa', 'DPA', 'Anadolu', 'Anadolu Agency',
  'Bloomberg', 'Xinhua', 'EFE', 'EPA', 'EPA-EFE', 'ANSA', 'Kyodo', 'Yonhap', 'PA', 'PA Media', 'TASS', 'RIA Novosti',
  'RT', 'RT Arabic', 'BBC', 'BBC News', 'BBC Arabic', 'CNN', 'Al Jazeera', 'Sky News', 'Sky News Arabia', 'Agencies',
  'agencies', 'Staff and agencies', 'wires', 'Wire services', 'news agencies', 'Arab News', 'The National', 'Al-Monitor',
  'Middle East Eye', 'The Independent', 'The Guardian', 'The Telegraph', 'The New York Times', 'The Washington Post',
  'The Times', 'Financial Times', 'The Economist', 'Gulf News', 'Khaleej Times', 'Ahram Online', 'Egypt Independent',
  'The New Arab', 'Asharq Al-Awsat', 'Times of Israel', 'Haaretz', 'Daily Star', 'NPR', 'ABC News', 'CBS News', 'NBC News',
  'Fox News', 'Sky News', 'Euronews', 'France 24', 'DW', 'Deutsche Welle', 'SPA', 'WAM', 'QNA', 'KUNA', 'MENA', 'IRNA',
  'أ ش أ', 'وكالة أنباء الشرق الأوسط', 'الخليج', '«الخليج»', 'واس', 'الوكالة الوطنية للإعلام',
];

export const PHOTO_AGENCIES: readonly string[] = [
  'Getty Images', 'Getty', 'Shutterstock', 'Alamy', 'Reuters', 'REUTERS', 'AFP', 'AP', 'AP Photo', 'EPA', 'EPA-EFE',
  'Anadolu', 'Bloomberg', 'Xinhua', 'PA', 'PA Media', 'PA Images', 'SOPA Images', 'Sipa', 'NurPhoto', 'Pool',
  'رويترز', 'أ ف ب', 'أ.ف.ب', 'فرانس برس', 'أ ب', 'الأناضول', 'غيتي', 'جيتي', 'غيتي إيميجز', 'أرشيفية', 'صورة أرشيفية',
  'أرشيف', 'صورة تعبيرية', 'تعبيرية', 'إرنا', 'وام', 'واس', 'سانا', 'مواقع التواصل', 'مواقع التواصل الاجتماعي', 'إكس', 'تويتر',
];
