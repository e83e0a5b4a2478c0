/** The keyboard commands' protocol: manifest command → step, and the content side's message check. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBackgroundMessage, STEP_COMMANDS, stepForCommand } from '../../../src/platform/messages';

const root = join(import.meta.dirname, '../../..');
const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as {
  commands: Record<string, { suggested_key: { default: string }; description: string }>;
};

describe('keyboard commands', () => {
  it('the manifest declares exactly the step commands and save-passage, with Alt+Shift+J / K / S', () => {
    expect(Object.keys(manifest.commands).sort()).toEqual(
      [...Object.keys(STEP_COMMANDS), 'save-passage'].sort(),
    );
    expect(manifest.commands['save-passage']!.suggested_key.default).toBe('Alt+Shift+S');
    expect(manifest.commands['next-highlight']!.suggested_key.default).toBe('Alt+Shift+J');
    expect(manifest.commands['previous-highlight']!.suggested_key.default).toBe('Alt+Shift+K');
    for (const c of Object.values(manifest.commands)) expect(c.description).toMatch(/^__MSG_\w+__$/);
  });

  it('maps our commands to steps and ignores any other', () => {
    expect(stepForCommand('next-highlight')).toBe('next');
    expect(stepForCommand('previous-highlight')).toBe('previous');
    expect(stepForCommand('_execute_action')).toBeNull();
    expect(stepForCommand('toString')).toBeNull();
    expect(stepForCommand('__proto__')).toBeNull();
  });

  it('the content side accepts step-highlight only with a known direction, and copies nothing else', () => {
    const ok = parseBackgroundMessage({
      channel: 'background',
      type: 'step-highlight',
      payload: { direction: 'previous', extra: 'x' },
    });
    expect(ok).toEqual({
      ok: true,
      value: { channel: 'background', type: 'step-highlight', payload: { direction: 'previous' } },
    });
    for (const bad of [
      { channel: 'background', type: 'step-highlight', payload: { direction: 'up' } },
      { channel: 'background', type: 'step-highlight' },
      { channel: 'content', type: 'step-highlight', payload: { direction: 'next' } },
      { channel: 'background', type: 'step-highlight', payload: 'next' },
    ]) {
      expect(parseBackgroundMessage(bad).ok).toBe(false);
    }
    expect(parseBackgroundMessage({ channel: 'background', type: 'report-again', payload: {} }).ok).toBe(
      true,
    );
  });
});
