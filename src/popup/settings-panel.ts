import type { Settings } from '../settings/settings.ts';
import { saveSettings } from '../settings/settings-store.ts';

/**
 * The settings checkboxes (`name` = the setting). A change is saved at once; turning one on may then be
 * refused by `confirmEnable` (a permission the person declined), which turns it off again. Saving first
 * matters in Firefox, where a permission prompt closes the popup before the answer arrives.
 */
export function wireSettingsPanel(
  panel: HTMLElement,
  initial: Settings,
  onChange: (settings: Settings) => void,
  confirmEnable: (name: keyof Settings) => Promise<boolean>,
): void {
  let settings = { ...initial };
  const apply = async (name: keyof Settings, value: boolean): Promise<void> => {
    settings = { ...settings, [name]: value };
    await saveSettings(settings);
    onChange(settings);
  };
  for (const box of panel.querySelectorAll<HTMLInputElement>('input[type="checkbox"][name]')) {
    const name = box.name as keyof Settings;
    if (!(name in settings)) continue;
    box.checked = settings[name];
    box.addEventListener('change', () => {
      const wanted = box.checked;
      // Asked synchronously inside the click, as browsers require for permission prompts.
      const confirmed = wanted ? confirmEnable(name) : Promise.resolve(true);
      void apply(name, wanted)
        .then(() => confirmed)
        .then((allowed) => {
          if (allowed || !wanted) return;
          box.checked = false;
          return apply(name, false);
        });
    });
  }
}
