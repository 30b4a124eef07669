import { useId, useState, type FormEvent } from 'react';
import { api, describeError } from '../api/client';
import { useMe } from '../signed-in';
import { usePageTitle } from './page-title';

/**
 * My settings: whether I am told by e-mail when something waits for me.
 * The message holds only what kind of thing it is and a link, never
 * anything of the case, so it is on unless I turn it off.
 */
export function SettingsView() {
  usePageTitle('Inställningar');
  const me = useMe();
  const id = useId();
  const [wantsMail, setWantsMail] = useState(!me.mailOptOut);
  const [status, setStatus] = useState('');
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setStatus('');
    try {
      await api('/api/auth/me/mail', { method: 'PUT', body: { optOut: !wantsMail } });
      setStatus(
        wantsMail ? 'Sparat: du får e-post när något väntar på dig.' : 'Sparat: du får ingen e-post.',
      );
    } catch (error) {
      setStatus(describeError(error));
    }
  };
  return (
    <>
      <h1>Inställningar</h1>
      <section aria-labelledby={`${id}-mail`}>
        <h2 id={`${id}-mail`}>E-post</h2>
        <p>
          {me.email
            ? `E-post skickas till ${me.email}, adressen från din inloggning.`
            : 'Din inloggning har ingen e-postadress, så ingen e-post kan skickas till dig.'}{' '}
          Ett meddelande säger bara vad slags sak som väntar och länkar till den; inget om ärendet står i det.
        </p>
        <form onSubmit={(event) => void save(event)} aria-label="E-post om det som väntar">
          <div className="field checkbox">
            <input
              id={`${id}-wants`}
              type="checkbox"
              checked={wantsMail}
              onChange={(event) => setWantsMail(event.target.checked)}
            />
            <label htmlFor={`${id}-wants`}>Skicka e-post till mig när något väntar på mig</label>
          </div>
          <button type="submit">Spara</button>
        </form>
        <p role="status">{status}</p>
      </section>
    </>
  );
}
