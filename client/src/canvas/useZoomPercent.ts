import { useEffect, useState } from 'react';
import type { CameraController } from './CameraController.ts';

export function useZoomPercent(camera: CameraController): number {
  const [percent, setPercent] = useState(() => Math.round(camera.get().scale * 100));
  useEffect(() => camera.subscribe((next) => setPercent(Math.round(next.scale * 100))), [camera]);
  return percent;
}
