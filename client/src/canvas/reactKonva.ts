// react-konva's components over the Konva of ./konva.ts (its default entry loads the full Konva).
import './konva.ts';

export * from 'react-konva/lib/ReactKonvaCore';
