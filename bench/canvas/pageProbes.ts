/**
 * Code that runs inside the page. It is kept as JavaScript source text, not as functions handed
 * to Playwright: tsx compiles this package with esbuild, which inserts helpers (`__name`) into
 * function bodies that do not exist in the page. It reaches the board through
 * window.__costudio, the client's debug hook (client/src/debug/debugHook.ts).
 */

/**
 * Init script: records performance.now() (ms since navigation start) of the first animation
 * frame in which the board has notes drawn, into window.__benchFirstRender.
 */
export const RECORD_FIRST_RENDER = `(() => {
  const check = () => {
    const drawn = window.__costudio ? window.__costudio.drawnNoteIds().length : 0;
    if (drawn > 0) window.__benchFirstRender = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

/**
 * An expression that pans for `frames` frames and back, then zooms out and back in, changing
 * the camera once per animation frame as a drag or a trackpad would, and resolves to the time
 * between consecutive frames (ms). The board redraws after each camera change, so a slow redraw
 * shows as a long frame.
 */
export function panAndZoomScript(frames: number): string {
  return `new Promise((resolve, reject) => {
    const camera = window.__costudio && window.__costudio.camera;
    if (!camera) return reject(new Error('no camera on window.__costudio'));
    const frames = ${Math.floor(frames)};
    const viewport = camera.getViewport();
    const centre = { x: viewport.width / 2, y: viewport.height / 2 };
    const steps = [];
    for (let i = 0; i < frames; i++) steps.push(() => camera.panBy(-6, -9));
    for (let i = 0; i < frames; i++) steps.push(() => camera.panBy(6, 9));
    for (let i = 0; i < frames; i++) steps.push(() => camera.zoomAt(centre, 0.985));
    for (let i = 0; i < frames; i++) steps.push(() => camera.zoomAt(centre, 1 / 0.985));
    const deltas = [];
    let last = -1;
    let index = 0;
    const frame = (now) => {
      if (last >= 0) deltas.push(now - last);
      last = now;
      const step = steps[index++];
      if (!step) return resolve(deltas);
      step();
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  })`;
}

/** An expression for the recorded first-render time, or null before it happened. */
export const FIRST_RENDER_TIME = 'window.__benchFirstRender ?? null';

/**
 * The same frame loop on an empty page that repaints a full-size 2D canvas each frame: what this
 * browser and machine manage with almost no work, so board figures can be read against it.
 */
export function baselineScript(frames: number): string {
  return `new Promise((resolve) => {
    const canvas = document.createElement('canvas');
    canvas.width = innerWidth;
    canvas.height = innerHeight;
    document.body.appendChild(canvas);
    const context = canvas.getContext('2d');
    const deltas = [];
    let last = -1;
    let index = 0;
    const frame = (now) => {
      if (last >= 0) deltas.push(now - last);
      last = now;
      if (index++ >= ${Math.floor(frames)}) return resolve(deltas);
      context.fillStyle = index % 2 ? '#ffffff' : '#eeeeee';
      context.fillRect(0, 0, canvas.width, canvas.height);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  })`;
}
