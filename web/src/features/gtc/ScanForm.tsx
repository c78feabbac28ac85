import { type FormEvent, type ReactNode, type RefObject, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanStation } from './api.js';

/**
 * A station's scan field: a keyboard-wedge scanner types the label and presses Enter. The field empties at once and
 * hands the trimmed code to `onScan`; `children` show the answer below the hint.
 */
export function ScanForm({
  station,
  inputRef,
  onScan,
  busy = false,
  children,
}: {
  station: ScanStation;
  inputRef: RefObject<HTMLInputElement | null>;
  onScan: (code: string) => void;
  /** Disables the submit button (the field itself stays enabled). */
  busy?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const name = `gtc-${station}-scan`;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const scanned = code.trim();
    if (!scanned) return;
    setCode('');
    onScan(scanned);
  };

  return (
    <form className="card gtc-scan" onSubmit={submit} data-testid={`${name}-form`}>
      <label htmlFor={name}>{t(`gtc.${station}.scan_label`)}</label>
      <div className="scan-row">
        <input
          id={name}
          ref={inputRef}
          // biome-ignore lint/a11y/noAutofocus: the station's scanner types into this field; it must hold the focus from the start
          autoFocus
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          enterKeyHint="go"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          aria-describedby={`${name}-hint`}
          data-testid={name}
        />
        <button type="submit" className="primary" disabled={busy} data-testid={`${name}-submit`}>
          {t('gtc.scan_submit')}
        </button>
      </div>
      <p className="hint" id={`${name}-hint`}>
        {t(`gtc.${station}.scan_hint`)}
      </p>
      {children}
    </form>
  );
}
