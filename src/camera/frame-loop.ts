/**
 * Calls `onFrame` for each new frame the video shows (`requestVideoFrameCallback`; each display refresh
 * where the browser lacks it). Returns the function that ends the loop.
 */
export function startFrameLoop(video: HTMLVideoElement, onFrame: () => void): () => void {
  let stopped = false;
  let handle = 0;
  const perVideoFrame = typeof video.requestVideoFrameCallback === 'function';
  const tick = () => {
    if (stopped) return;
    onFrame();
    next();
  };
  const next = () => {
    handle = perVideoFrame ? video.requestVideoFrameCallback(tick) : requestAnimationFrame(tick);
  };
  next();
  return () => {
    stopped = true;
    if (perVideoFrame) video.cancelVideoFrameCallback(handle);
    else cancelAnimationFrame(handle);
  };
}
