import { useId, useRef } from 'react';
import './settings.css';
import { LanguagePicker } from '../i18n/LanguagePicker.tsx';
import { useT } from '../i18n/useT.ts';
import { ANNOUNCE_LEVELS, saveSettings, TEXT_SIZES } from './deviceSettings.ts';
import { useDeviceSettings } from './useDeviceSettings.ts';

/** "Text size and sounds": language, text size, high contrast, and how much of others' work is read out. */
export function SettingsButton() {
  const t = useT();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const settings = useDeviceSettings();
  const headingId = useId();
  const sizeId = useId();
  return (
    <>
      <button type="button" className="settings-button" onClick={() => dialogRef.current?.showModal()}>
        {t.t('settings.open')}
      </button>
      <dialog ref={dialogRef} aria-labelledby={headingId} className="settings-dialog">
        <h2 id={headingId}>{t.t('settings.title')}</h2>
        <p>{t.t('settings.onDevice')}</p>
        <LanguagePicker className="settings-dialog__language" />
        <label htmlFor={sizeId}>{t.t('settings.textSize')}</label>
        <select
          id={sizeId}
          value={settings.textSize}
          onChange={(event) => saveSettings({ textSize: Number(event.target.value) })}
        >
          {TEXT_SIZES.map((size) => (
            <option key={size} value={size}>
              {t.t('settings.textSizeValue', { size })}
            </option>
          ))}
        </select>
        <label className="settings-dialog__check">
          <input
            type="checkbox"
            checked={settings.highContrast}
            onChange={(event) => saveSettings({ highContrast: event.target.checked })}
          />
          {t.t('settings.highContrast')}
        </label>
        <fieldset>
          <legend>{t.t('settings.announce')}</legend>
          {ANNOUNCE_LEVELS.map((level) => (
            <label key={level} className="settings-dialog__check">
              <input
                type="radio"
                name="announce-level"
                value={level}
                checked={settings.announce === level}
                onChange={() => saveSettings({ announce: level })}
              />
              {t.t(`settings.announce.${level}`)}
            </label>
          ))}
        </fieldset>
        <button type="button" className="button-primary" onClick={() => dialogRef.current?.close()}>
          {t.t('settings.close')}
        </button>
      </dialog>
    </>
  );
}
