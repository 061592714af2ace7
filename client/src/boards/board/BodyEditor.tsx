/**
 * The rich-text editor of a card body, loaded on demand. Once its code is in (the workshop page
 * preloads it) it renders at once: a Suspense round trip, which React throttles to ~300 ms, would
 * swallow the first keystrokes of someone who starts typing right after clicking "Edit".
 */
import { lazy, Suspense, type ComponentProps } from 'react';
import type CardBodyEditor from './CardBodyEditor';
import { StaticRichText } from './StaticRichText';

type EditorComponent = typeof CardBodyEditor;

let loaded: EditorComponent | null = null;
const load = () =>
  import('./CardBodyEditor').then((module) => {
    loaded = module.default;
    return module;
  });
const LazyEditor = lazy(load);

export function preloadBodyEditor(): void {
  void load();
}

export function BodyEditor(props: ComponentProps<EditorComponent>) {
  const Editor = loaded;
  if (Editor) return <Editor {...props} />;
  return (
    <Suspense fallback={<StaticRichText body={props.body} />}>
      <LazyEditor {...props} />
    </Suspense>
  );
}
