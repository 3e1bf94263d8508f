import type { Settings } from './settings.ts';
import { saveSettings } from './settings-store.ts';

/**
 * The settings checkboxes (`name` = the setting). `beforeEnable` may refuse turning one on (a permission
 * the person declined); every change is saved and reported through `onChange`.
 */
export function wireSettingsPanel(
  panel: HTMLElement,
  initial: Settings,
  onChange: (settings: Settings) => void,
  beforeEnable: (name: keyof Settings) => Promise<boolean>,
): void {
  let settings = { ...initial };
  for (const box of panel.querySelectorAll<HTMLInputElement>('input[type="checkbox"][name]')) {
    const name = box.name as keyof Settings;
    if (!(name in settings)) continue;
    box.checked = settings[name];
    box.addEventListener('change', () => {
      const wanted = box.checked;
      void (wanted ? beforeEnable(name) : Promise.resolve(true)).then(async (allowed) => {
        box.checked = wanted && allowed;
        settings = { ...settings, [name]: box.checked };
        await saveSettings(settings);
        onChange(settings);
      });
    });
  }
}
