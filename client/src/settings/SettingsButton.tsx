import { useId, useRef } from 'react';
import './settings.css';
import { type AnnounceLevel, saveSettings, TEXT_SIZES } from './deviceSettings.ts';
import { useDeviceSettings } from './useDeviceSettings.ts';

const ANNOUNCE_CHOICES: readonly { level: AnnounceLevel; label: string }[] = [
  { level: 'more', label: 'More: every change, with names' },
  { level: 'less', label: 'Less: new, moved and removed notes' },
  { level: 'none', label: 'None: say nothing' },
];

/** "Text size and sounds": text size, high contrast, and how much of others' work is read out. */
export function SettingsButton() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const settings = useDeviceSettings();
  const headingId = useId();
  const sizeId = useId();
  return (
    <>
      <button type="button" className="settings-button" onClick={() => dialogRef.current?.showModal()}>
        Text size and sounds
      </button>
      <dialog ref={dialogRef} aria-labelledby={headingId} className="settings-dialog">
        <h2 id={headingId}>Text size and sounds</h2>
        <p>These choices stay on this device.</p>
        <label htmlFor={sizeId}>Text size</label>
        <select
          id={sizeId}
          value={settings.textSize}
          onChange={(event) => saveSettings({ textSize: Number(event.target.value) })}
        >
          {TEXT_SIZES.map((size) => (
            <option key={size} value={size}>
              {size} %
            </option>
          ))}
        </select>
        <label className="settings-dialog__check">
          <input
            type="checkbox"
            checked={settings.highContrast}
            onChange={(event) => saveSettings({ highContrast: event.target.checked })}
          />
          High contrast colours
        </label>
        <fieldset>
          <legend>Read out what others do</legend>
          {ANNOUNCE_CHOICES.map((choice) => (
            <label key={choice.level} className="settings-dialog__check">
              <input
                type="radio"
                name="announce-level"
                value={choice.level}
                checked={settings.announce === choice.level}
                onChange={() => saveSettings({ announce: choice.level })}
              />
              {choice.label}
            </label>
          ))}
        </fieldset>
        <button type="button" className="button-primary" onClick={() => dialogRef.current?.close()}>
          Close
        </button>
      </dialog>
    </>
  );
}
