/** j/k selection over a list of links, with Enter opening the selected one. */
import { useRef, useState } from 'react';
import { useShortcuts } from '../hooks.ts';
import { keepSelection } from '../lib/listReload.ts';
import { navigate } from '../router.ts';

export function useListKeys(hrefs: string[]) {
  // The selection remembers its link too, so a list reloaded under it keeps the same ticket selected.
  const [picked, setPicked] = useState<{ key: string | null; index: number }>({ key: null, index: -1 });
  const selected = keepSelection(picked, hrefs);
  const links = useRef<(HTMLAnchorElement | null)[]>([]);
  const move = (delta: number) => {
    if (hrefs.length === 0) return;
    const next = Math.min(hrefs.length - 1, Math.max(0, selected + delta));
    setPicked({ key: hrefs[next] ?? null, index: next });
    links.current[next]?.focus();
  };
  useShortcuts({
    next: () => move(1),
    previous: () => move(selected < 0 ? 1 : -1),
    open: () => {
      const href = hrefs[selected];
      if (href) navigate(href);
    },
  });
  return { selected, linkRef: (i: number) => (el: HTMLAnchorElement | null) => void (links.current[i] = el) };
}
