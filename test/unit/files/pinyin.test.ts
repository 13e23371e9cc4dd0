import { describe, it, expect } from 'vitest';
import { normalizeSearchQuery, pinyinKeys } from '../../../electron/core/files/pinyin';

describe('pinyinKeys', () => {
  it('gives full pinyin and initials', () => {
    expect(pinyinKeys('张三')).toEqual({ full: 'zhangsan', initials: 'zs' });
  });

  it('reads surnames as surnames', () => {
    expect(pinyinKeys('单田芳')).toEqual({ full: 'shantianfang', initials: 'stf' });
    expect(pinyinKeys('曾小红')).toEqual({ full: 'zengxiaohong', initials: 'zxh' });
    expect(pinyinKeys('解晓东')).toEqual({ full: 'xiexiaodong', initials: 'xxd' });
  });

  it('writes ü as v and drops spaces and dots', () => {
    expect(pinyinKeys('吕 女')).toEqual({ full: 'lvnv', initials: 'ln' });
    expect(pinyinKeys('买买提·艾力').full).toBe('maimaitiaili');
  });

  it('handles empty input', () => {
    expect(pinyinKeys('  ')).toEqual({ full: '', initials: '' });
  });
});

describe('normalizeSearchQuery', () => {
  it('lowercases, converts full-width and strips separators', () => {
    expect(normalizeSearchQuery(' ZhAng San ')).toBe('zhangsan');
    expect(normalizeSearchQuery('ＺＳ')).toBe('zs');
    expect(normalizeSearchQuery('张 三')).toBe('张三');
    expect(normalizeSearchQuery('1101-05')).toBe('110105');
  });
});
