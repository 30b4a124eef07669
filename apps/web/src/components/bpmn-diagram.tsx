import { useEffect, useRef, useState } from 'react';
import { currentToken } from '../auth/session';

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
 * task list never waits for it), with the current steps highlighted. It is
 * a picture for the sighted; the same facts are in the text next to it.
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
  const [failed, setFailed] = useState(false);
  const highlightKey = highlighted.join(' ');

  useEffect(() => {
    let viewer: { destroy(): void } | undefined;
    let cancelled = false;
    (async () => {
      const [{ default: Viewer }, xml] = await Promise.all([
        import('./bpmn-viewer'),
        bpmnXml(definitionId, version),
      ]);
      if (cancelled || !container.current) return;
      const instance = new Viewer({ container: container.current });
      viewer = instance;
      await instance.importXML(xml);
      const canvas = instance.get('canvas') as {
        zoom(level: string): void;
        addMarker(id: string, marker: string): void;
      };
      const registry = instance.get('elementRegistry') as { get(id: string): unknown };
      for (const id of highlightKey.split(' ').filter(Boolean))
        if (registry.get(id)) canvas.addMarker(id, 'current-step');
      canvas.zoom('fit-viewport');
      // diagram-js makes its canvas focusable for keyboard editing; a read-only picture should not take focus.
      container.current.querySelectorAll('svg').forEach((svg) => {
        svg.removeAttribute('tabindex');
        svg.setAttribute('focusable', 'false');
        svg.setAttribute('aria-hidden', 'true');
      });
    })().catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
      viewer?.destroy();
    };
  }, [definitionId, version, highlightKey]);

  if (failed) return <p className="muted">Processkartan kunde inte visas.</p>;
  return <div ref={container} className="bpmn" role="img" aria-label={label} />;
}
