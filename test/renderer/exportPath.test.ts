/** The export dialog's path box: a folder stays a folder (it used to become a hidden `.txt`). */
import { describe, expect, it } from 'vitest';
import { idBounds, isFolderPath, withExtension } from '../../renderer/selection/exportPath';

describe('withExtension', () => {
  it('leaves a folder as typed, so the service names the file in it', () => {
    expect(withExtension('/tmp/out/', 'txt')).toBe('/tmp/out/');
    expect(withExtension('~', 'md')).toBe('~');
    expect(withExtension('~/exports/', 'csv')).toBe('~/exports/');
    expect(withExtension('C:\\exports\\', 'pdf')).toBe('C:\\exports\\');
    expect(withExtension('..', 'pdf')).toBe('..');
  });

  it('still follows the format for a file name', () => {
    expect(withExtension('~/thread', 'txt')).toBe('~/thread.txt');
    expect(withExtension('~/thread.html', 'pdf')).toBe('~/thread.pdf');
    expect(isFolderPath('~/thread')).toBe(false);
  });
});

describe('idBounds', () => {
  it('gives the first and last selected message', () => {
    expect(idBounds([7, 3, 12, 5])).toEqual({ first: 3, last: 12 });
    expect(idBounds([])).toEqual({});
  });
});
