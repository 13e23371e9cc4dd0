// Pinyin search keys for worker names: lowercase, toneless, no separators; surnames read as surnames.
import { pinyin } from 'pinyin-pro';

export interface PinyinKeys {
  /** 张三 → 'zhangsan' */
  full: string;
  /** 张三 → 'zs' */
  initials: string;
}

/** Keeps only a-z, 0-9 and Chinese characters; full-width → ASCII, lowercase. */
export function normalizeSearchQuery(q: string): string {
  return q
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9\p{Script=Han}]+/gu, '');
}

/** 单田芳 → { full: 'shantianfang', initials: 'stf' }; ü is written v (吕 → lv). Latin/digit runs are kept whole in both keys. */
export function pinyinKeys(name: string): PinyinKeys {
  const text = name.normalize('NFKC').trim();
  if (!text) return { full: '', initials: '' };
  const syllables = pinyin(text, {
    type: 'all',
    toneType: 'none',
    surname: 'head',
    nonZh: 'consecutive',
    v: true,
  });
  let full = '';
  let initials = '';
  for (const s of syllables) {
    if (s.isZh && s.pinyin) {
      full += s.pinyin;
      initials += s.pinyin.charAt(0);
    } else {
      const kept = s.origin.toLowerCase().replace(/[^a-z0-9]+/g, '');
      full += kept;
      initials += kept;
    }
  }
  return { full: full.toLowerCase(), initials: initials.toLowerCase() };
}
