import { useEffect, useRef, useState } from 'react';
import { currentToken } from '../auth/session';
import type { DiagramView } from './bpmn-viewer';

/** One download per process version, shared by every case that shows it. */
const xmlCache = new Map<string, Promise<string>>();

async function bpmnXml(definitionId: string, version: number): Promise<string> {
  const key = `${definitionId}@${version}`;
  let xml = xmlCache.get(key);
  if (!xml) {
    xml = fetch(`/api/processes/${encodeURIComponent(definitionId)}/bpmn?version=${version}`, {
      headers: { Authorization: `Bearer ${currentToken() ?? ''}`, Accept: 'application/xml' },
    }).then((response) => {
      if (!response.ok) throw new Error(String(response.status));
      return response.text();
    });
    xml.catch(() => xmlCache.delete(key));
    xmlCache.set(key, xml);
  }
  return xml;
}

/**
 * The process's BPMN export drawn by bpmn-js (loaded on first use, so the
 * task list never waits for it), with the current steps highlighted and in
 * view. It is a picture for the sighted; the same facts are in the text
 * next to it. Its zoom is buttons, so a keyboard can use it too.
 */
export function BpmnDiagram({
  definitionId,
  version,
  highlighted,
  label,
}: {
  definitionId: string;
  version: number;
  highlighted: readonly string[];
  label: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const view = useRef<DiagramView | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  const highlightKey = highlighted.join(' ');

  useEffect(() => {
    let shown: DiagramView | undefined;
    let cancelled = false;
    (async () => {
      const [{ showDiagram }, xml] = await Promise.all([
        import('./bpmn-viewer'),
        bpmnXml(definitionId, version),
      ]);
      if (cancelled || !container.current) return;
      shown = await showDiagram(container.current, xml, highlightKey.split(' ').filter(Boolean));
      if (cancelled) return shown.destroy();
      view.current = shown;
      setReady(true);
    })().catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
      shown?.destroy();
      view.current = null;
    };
  }, [definitionId, version, highlightKey]);

  if (failed) return <p className="muted">Processkartan kunde inte visas.</p>;
  return (
    <div className="bpmn-frame">
      <div className="bpmn-tools" role="group" aria-label="Processkartans storlek">
        <button type="button" disabled={!ready} onClick={() => view.current?.zoom(1)}>
          Zooma in
        </button>
        <button type="button" disabled={!ready} onClick={() => view.current?.zoom(-1)}>
          Zooma ut
        </button>
        <button type="button" disabled={!ready} onClick={() => view.current?.showStart()}>
          Anpassa
        </button>
        <span className="muted">Dra i kartan för att flytta den, håll in Ctrl och rulla för att zooma.</span>
      </div>
      <div ref={container} className="bpmn" role="img" aria-label={label} />
    </div>
  );
}
