import { useEffect, useState } from 'react';
import type { BoardEditor } from './BoardEditor.ts';

/** Whether there is anything of this person's to undo or redo, for the toolbar buttons. */
export function useUndoState(editor: BoardEditor): { canUndo: boolean; canRedo: boolean } {
  const [state, setState] = useState({ canUndo: false, canRedo: false });
  useEffect(() => {
    const manager = editor.undoManager;
    const update = () => {
      const canUndo = manager.canUndo();
      const canRedo = manager.canRedo();
      setState((previous) => (previous.canUndo === canUndo && previous.canRedo === canRedo ? previous : { canUndo, canRedo }));
    };
    manager.on('stack-item-added', update);
    manager.on('stack-item-popped', update);
    manager.on('stack-cleared', update);
    update();
    return () => {
      manager.off('stack-item-added', update);
      manager.off('stack-item-popped', update);
      manager.off('stack-cleared', update);
    };
  }, [editor]);
  return state;
}
