// Loaded on demand with its styles, so they never weigh on the first page.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import Viewer from 'bpmn-js/lib/Viewer';

interface Point {
  x: number;
  y: number;
}
interface Box extends Point {
  width: number;
  height: number;
}
interface Canvas {
  viewbox(): Box & { scale: number; inner: Box; outer: Box };
  viewbox(box: Box): void;
  zoom(): number;
  zoom(scale: number, around?: Point): number;
  scroll(delta: { dx: number; dy: number }): void;
  addMarker(id: string, marker: string): void;
  resized(): void;
}

/** bpmn-js draws labels at 11 and 12 px, so below scale 1 the smallest would read under 11 px. */
const READABLE_SCALE = 1;
const ZOOM = { min: 0.2, max: 4, step: 1.25 };
/** Screen pixels of white round the drawing. */
const MARGIN = 16;
/** Of the window's height: a taller box could not be seen whole, nor the page scrolled past it. */
const MAX_SHARE = 0.7;

export interface DiagramView {
  zoom(direction: 1 | -1): void;
  /** The start view: as much of the process as reads at 11 px, the current step in the middle. */
  showStart(): void;
  destroy(): void;
}

/** The middle of the marked elements, or of the whole drawing when none is on it. */
function middleOf(boxes: readonly Box[]): Point {
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: (left + right) / 2, y: (top + bottom) / 2 };
}

/**
 * Where a window `size` long starts to show `centre` in its middle, kept
 * within the drawing (plus margin) so no side shows only white; a drawing
 * shorter than the window sits in its middle.
 */
function start(centre: number, size: number, from: number, length: number, margin: number): number {
  if (length + 2 * margin <= size) return from + length / 2 - size / 2;
  return Math.min(Math.max(centre - size / 2, from - margin), from + length + margin - size);
}

/**
 * Draws the BPMN in `container`, the current steps marked and in view. A
 * drag moves the drawing; the wheel zooms only with Ctrl held (as a pinch
 * does), or a page scrolled past the diagram would stop in it.
 */
export async function showDiagram(
  container: HTMLElement,
  xml: string,
  current: readonly string[],
): Promise<DiagramView> {
  const viewer = new Viewer({ container });
  await viewer.importXML(xml).catch((error: unknown) => {
    viewer.destroy();
    throw error;
  });
  const canvas = viewer.get<Canvas>('canvas');
  const registry = viewer.get<{ get(id: string): Box | undefined }>('elementRegistry');
  const marked = current.filter((id) => registry.get(id));
  for (const id of marked) canvas.addMarker(id, 'current-step');
  // diagram-js makes its canvas focusable for keyboard editing; a read-only picture should not take focus.
  container.querySelectorAll('svg').forEach((svg) => {
    svg.removeAttribute('tabindex');
    svg.setAttribute('focusable', 'false');
    svg.setAttribute('aria-hidden', 'true');
  });

  const { inner } = canvas.viewbox();
  // As tall as the drawing at a readable size, so a wide, low process leaves no empty band below it.
  const boxHeight = Math.min(inner.height * READABLE_SCALE + 2 * MARGIN, window.innerHeight * MAX_SHARE);
  container.style.height = `${boxHeight}px`;

  // The box's size the view was last laid out for: after a resize, where its middle was.
  let laidOut = { width: 0, height: 0 };
  const show = (centre: Point, scale: number) => {
    canvas.resized();
    const { outer, inner: drawing } = canvas.viewbox();
    if (outer.width === 0 || outer.height === 0) return;
    laidOut = outer;
    const width = outer.width / scale;
    const height = outer.height / scale;
    const margin = MARGIN / scale;
    canvas.viewbox({
      x: start(centre.x, width, drawing.x, drawing.width, margin),
      y: start(centre.y, height, drawing.y, drawing.height, margin),
      width,
      height,
    });
  };
  // A marked flow has waypoints, not a box.
  const steps = marked.map((id) => registry.get(id) as Box).filter((box) => Number.isFinite(box.width));
  const focus = middleOf(steps.length > 0 ? steps : [inner]);
  const showStart = () => show(focus, READABLE_SCALE);
  showStart();

  // A form opened beside it, or a turned phone, changes the box: keep what the user was looking at.
  const resize = new ResizeObserver(() => {
    if (laidOut.width === 0) return showStart();
    const { x, y, scale } = canvas.viewbox();
    show({ x: x + laidOut.width / scale / 2, y: y + laidOut.height / scale / 2 }, scale);
  });
  resize.observe(container);

  const zoomTo = (scale: number, around?: Point) =>
    canvas.zoom(Math.min(Math.max(scale, ZOOM.min), ZOOM.max), around);
  const listening = new AbortController();
  const { signal } = listening;
  container.addEventListener(
    'wheel',
    (event) => {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      const box = container.getBoundingClientRect();
      const lines = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? 16 : 1;
      zoomTo(canvas.zoom() * Math.exp(-event.deltaY * lines * 0.002), {
        x: event.clientX - box.left,
        y: event.clientY - box.top,
      });
    },
    { passive: false, signal },
  );
  let dragged: Point | null = null;
  container.addEventListener(
    'pointerdown',
    (event) => {
      if (event.button !== 0) return;
      dragged = { x: event.clientX, y: event.clientY };
      container.setPointerCapture(event.pointerId);
    },
    { signal },
  );
  container.addEventListener(
    'pointermove',
    (event) => {
      if (!dragged) return;
      canvas.scroll({ dx: event.clientX - dragged.x, dy: event.clientY - dragged.y });
      dragged = { x: event.clientX, y: event.clientY };
    },
    { signal },
  );
  for (const end of ['pointerup', 'pointercancel'] as const)
    container.addEventListener(end, () => (dragged = null), { signal });

  return {
    zoom: (direction) => zoomTo(canvas.zoom() * ZOOM.step ** direction),
    showStart,
    destroy: () => {
      resize.disconnect();
      listening.abort();
      viewer.destroy();
    },
  };
}
