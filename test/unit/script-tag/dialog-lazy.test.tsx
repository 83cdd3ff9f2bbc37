import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PreferencesProps } from '../../../src/ui/preferences';

const loadChunk = vi.fn();
vi.mock('../../../src/script-tag/load', () => ({ loadChunk: (...args: unknown[]) => loadChunk(...args) }));
const { Preferences, preload } = await import('../../../src/script-tag/dialog-lazy');

const Dialog = ({ t }: PreferencesProps) => <dialog open>{t('save')}</dialog>;
const props = (onDismiss = vi.fn()) =>
  ({ consent: { options: { nonce: 'n0nce' } }, state: {}, t: (key: string) => key, lang: 'en', onDismiss }) as unknown as PreferencesProps;
const tick = () => new Promise((resolve) => setTimeout(resolve));

describe('the dialog of the script tag UI chunk, fetched on demand', () => {
  afterEach(() => {
    loadChunk.mockReset();
    document.body.innerHTML = '';
  });

  it('draws nothing until its file is here, then the dialog; the file is fetched once, with the nonce', async () => {
    loadChunk.mockResolvedValue(Dialog);
    const box = document.body.appendChild(document.createElement('div'));
    render(<Preferences {...props()} />, box);
    expect(box.innerHTML).toBe('');
    await tick();
    expect(box.querySelector('dialog')?.textContent).toBe('save');
    await preload('n0nce');
    expect(loadChunk).toHaveBeenCalledTimes(1);
    expect(loadChunk.mock.calls[0]!.slice(0, 2)).toEqual([expect.stringMatching(/\/instria-consent\.dev\.dialog\.js$/), 'n0nce']);
  });
});

describe('a dialog file that cannot load', () => {
  it('warns once, goes back (onDismiss), and is fetched again next time', async () => {
    vi.resetModules();
    const fresh = await import('../../../src/script-tag/dialog-lazy');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    loadChunk.mockRejectedValueOnce(new Error('503')).mockResolvedValueOnce(Dialog);
    const onDismiss = vi.fn();
    const box = document.body.appendChild(document.createElement('div'));
    render(<fresh.Preferences {...props(onDismiss)} />, box);
    await tick();
    expect(onDismiss).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain('the preferences dialog could not be loaded; nothing is granted');
    expect(box.innerHTML).toBe('');
    await expect(fresh.preload()).resolves.toBe(Dialog);
    expect(loadChunk).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });
});
