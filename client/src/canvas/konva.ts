import CoreKonva from 'konva/lib/Core';
import 'konva/lib/shapes/Path';
import 'konva/lib/shapes/Rect';
import 'konva/lib/shapes/Text';
import type { Path } from 'konva/lib/shapes/Path';
import type { Rect } from 'konva/lib/shapes/Rect';
import type { Text } from 'konva/lib/shapes/Text';

/**
 * Konva with only what the board draws: its core (stage, layers, groups, custom shapes) and the
 * Path, Rect and Text shapes, which register themselves on import. The full build adds twenty
 * shapes and every image filter, which a board never uses and every page would download,
 * compile and run at start (issue 12: a big board's first picture). Import Konva from here, and
 * react-konva from ./reactKonva.ts.
 */
const Konva = CoreKonva as typeof CoreKonva & { Path: typeof Path; Rect: typeof Rect; Text: typeof Text };
export default Konva;
