import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, type FormEvent } from 'react';
import type { ServiceSettings } from '../../../common/api/contract';
import { useWorkbench } from '../../workbench/workbench-context';
import { backupFileName, createBackup, restoreBackup } from '../../data/backup';
import { listUpgradeBackups } from '../../data/upgrade-backups';
import { saveFile } from '../../files/save-file';
import { useLibrarySetting, type LibrarySettings } from '../../data/settings';
import { describeWriteError } from '../../data/write-errors';
import { TeamSettings } from './TeamSettings';

const themes: Array<{ value: LibrarySettings['theme']; label: string }> = [
  { value: 'system', label: 'Follow the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

function ServiceSettingsForm() {
  const { api } = useWorkbench();
  const [draft, setDraft] = useState<{ threads: string; hubUrl: string; importSizeLimitMb: string; allowLocalNetworkImport: boolean; unverifiedDownloadHubs: string[]; allowUnverified: boolean }>();
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  useEffect(() => {
    void api.settings.get({}).then((settings: ServiceSettings) =>
      setDraft({ threads: String(settings.threads), hubUrl: settings.hubUrl, importSizeLimitMb: String(settings.importSizeLimitMb),
        allowLocalNetworkImport: settings.allowLocalNetworkImport,
        unverifiedDownloadHubs: settings.unverifiedDownloadHubs,
        allowUnverified: settings.unverifiedDownloadHubs.includes(settings.hubUrl),
      }),
    );
  }, [api]);
  if (!draft) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSave({ kind: 'saving' });
    try {
      const hubUrl = draft.hubUrl.trim();
      const otherHubs = draft.unverifiedDownloadHubs.filter((hub) => hub !== hubUrl);
      await api.settings.update({
        threads: Number(draft.threads),
        hubUrl,
        importSizeLimitMb: Number(draft.importSizeLimitMb),
        allowLocalNetworkImport: draft.allowLocalNetworkImport,
        unverifiedDownloadHubs: draft.allowUnverified ? [...otherHubs, hubUrl] : otherHubs,
      });
      setSave({ kind: 'saved' });
    } catch (error) {
      setSave({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };
  const field = (key: 'threads' | 'hubUrl' | 'importSizeLimitMb') => ({
    value: draft[key],
    onChange: (event: { target: { value: string } }) => {
      setDraft({ ...draft, [key]: event.target.value });
      setSave({ kind: 'idle' });
    },
  });
  return (
    <form className="settings-group" onSubmit={(event) => void submit(event)}>
      <h2>Translation and import</h2>
      <p className="muted">Shared by the desktop app, the web host and the command line.</p>
      <label className="field">
        <span>Translation threads</span>
        <input type="number" min={1} max={64} step={1} required {...field('threads')} />
      </label>
      <label className="field">
        <span>Model hub address</span>
        <input type="url" required {...field('hubUrl')} />
        <span className="field-hint muted">Where models are downloaded from: the Hugging Face hub or a mirror of it.</span>
      </label>
      <label className="choice">
        <input
          type="checkbox"
          checked={draft.allowUnverified}
          onChange={(event) => {
            setDraft({ ...draft, allowUnverified: event.target.checked });
            setSave({ kind: 'idle' });
          }}
        />
        Allow unverified downloads from this hub
      </label>
      <p className="field-hint muted">For a mirror that sends no SHA-256 hashes: files over 10 MB are otherwise refused, since nothing can check them.</p>
      <label className="field">
        <span>Largest file to import (MB)</span>
        <input type="number" min={1} max={1024} step={1} required {...field('importSizeLimitMb')} />
      </label>
      <label className="choice">
        <input
          type="checkbox"
          checked={draft.allowLocalNetworkImport}
          onChange={(event) => {
            setDraft({ ...draft, allowLocalNetworkImport: event.target.checked });
            setSave({ kind: 'idle' });
          }}
        />
        Allow local network addresses
      </label>
      <p className="field-hint muted">Import pages from this machine or its local network (an intranet). Off, such addresses are refused, even after a redirect.</p>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={save.kind === 'saving'}>
          Save
        </button>
        <span role="status" className={save.kind === 'failed' ? 'error-text' : 'muted'}>
          {save.kind === 'saved' ? 'Saved.' : save.kind === 'failed' ? `Not saved: ${save.message}` : ''}
        </span>
      </div>
    </form>
  );
}

function BackupSection() {
  const { db, appInfo } = useWorkbench();
  const [status, setStatus] = useState<{ kind: 'idle' | 'busy' | 'done'; message: string } | { kind: 'failed'; message: string }>({ kind: 'idle', message: '' });
  const backUp = async () => {
    setStatus({ kind: 'busy', message: 'Preparing the backup…' });
    try {
      const fileName = backupFileName();
      saveFile(fileName, await createBackup(db));
      setStatus({ kind: 'done', message: `Saved ${fileName}.` });
    } catch (error) {
      setStatus({ kind: 'failed', message: `The backup failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  };
  const restore = async (file: File | undefined) => {
    if (!file) return;
    if (!window.confirm(`Replace this library with the backup ${file.name}? What is in the library now is replaced.`)) return;
    setStatus({ kind: 'busy', message: 'Restoring…' });
    try {
      await restoreBackup(db, file);
      setStatus({ kind: 'done', message: `Restored ${file.name}.` });
    } catch (error) {
      setStatus({ kind: 'failed', message: `Nothing was changed: ${describeWriteError(error)}` });
    }
  };
  return (
    <section className="settings-group" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup</h2>
      <p className="muted">
        This library belongs to the {appInfo.host === 'desktop' ? 'desktop app' : 'browser you use with the web host'}. A backup moves it to the other one, or keeps it
        safe.
      </p>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void backUp()} disabled={status.kind === 'busy'}>
          Back up library
        </button>
        <label className="button">
          Restore from backup…
          <input
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            onChange={(event) => {
              void restore(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
        </label>
      </div>
      <p role="status" className={status.kind === 'failed' ? 'error-text' : 'muted'}>
        {status.message}
      </p>
      <UpgradeBackupList />
      <StoragePersistence />
    </section>
  );
}

/** The copies taken automatically before a newer Targum upgraded the library. */
function UpgradeBackupList() {
  const { db } = useWorkbench();
  const backups = useLiveQuery(() => listUpgradeBackups(db.name), [db]);
  if (!backups?.length) return null;
  return (
    <div className="upgrade-backups">
      <h3>Taken before upgrades</h3>
      <ul aria-label="Backups taken before upgrades">
        {backups.map((backup) => (
          <li key={backup.id}>
            {new Date(backup.createdAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })} · library version {backup.fromVersion} →{' '}
            {backup.toVersion}{' '}
            <button type="button" className="button small" onClick={() => saveFile(backupFileName(new Date(backup.createdAt)), backup.backup)}>
              Save a copy
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Whether the browser keeps the library even when the disk runs low (Targum asks for that at start). */
function StoragePersistence() {
  const persisted = useLiveQuery(() => navigator.storage?.persisted?.() ?? Promise.resolve(false), []);
  if (persisted === undefined) return null;
  return (
    <p className="muted">
      {persisted
        ? 'Storage is persistent: the browser will not clear this library to free space.'
        : 'Storage is not marked persistent: under disk pressure the browser could clear this library. Keep a backup.'}
    </p>
  );
}

export function SettingsScreen() {
  const { db, appInfo } = useWorkbench();
  const [theme, setTheme] = useLibrarySetting(db, 'theme');
  const [unsureMarks, setUnsureMarks] = useLibrarySetting(db, 'unsureMarks');
  return (
    <section className="settings" aria-labelledby="settings-heading">
      <header className="screen-header">
        <h1 id="settings-heading">Settings</h1>
      </header>
      <fieldset className="settings-group">
        <legend>Theme</legend>
        {themes.map((option) => (
          <label key={option.value} className="choice">
            <input
              type="radio"
              name="theme"
              value={option.value}
              checked={theme === option.value}
              onChange={() => void setTheme(option.value)}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      <fieldset className="settings-group">
        <legend>Reader</legend>
        <label className="choice">
          <input type="checkbox" checked={unsureMarks ?? true} onChange={(event) => void setUnsureMarks(event.target.checked)} />
          Mark the words the model was unsure of (a dotted underline in machine English; U goes to the least sure sentence)
        </label>
      </fieldset>
      <ServiceSettingsForm />
      <TeamSettings />
      <BackupSection />
      <section className="settings-group" aria-labelledby="data-heading">
        <h2 id="data-heading">Data</h2>
        <dl className="facts">
          <dt>Data folder</dt>
          <dd>
            <code>{appInfo.dataDir}</code>
          </dd>
          <dt>Models folder</dt>
          <dd>
            <code>{appInfo.modelsDir}</code>
          </dd>
          <dt>Version</dt>
          <dd>
            {appInfo.name} {appInfo.version} · {appInfo.host === 'desktop' ? 'desktop app' : 'web host'} · Node {appInfo.runtime.node}
            {appInfo.runtime.electron ? ` · Electron ${appInfo.runtime.electron}` : ''}
          </dd>
        </dl>
      </section>
    </section>
  );
}
