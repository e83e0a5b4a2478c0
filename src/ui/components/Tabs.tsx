/**
 * Tabs after the WAI-ARIA Authoring Practices pattern: a tablist whose tabs take focus in turn
 * (roving tabindex; ←/→, Home, End move and select), and one tabpanel per tab. Every panel element
 * exists so `aria-controls` always resolves; a panel's content is rendered the first time it is shown
 * and kept, so the popup opens without building views nobody looked at.
 */
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface TabDef {
  id: string;
  label: string;
}

interface TabsProps {
  tabs: readonly TabDef[];
  selected: string;
  onSelect: (id: string) => void;
  /** The tablist's accessible name. */
  label: string;
  render: (id: string) => ComponentChildren;
}

export function Tabs({ tabs, selected, onSelect, label, render }: TabsProps) {
  const seen = useRef(new Set<string>()).current;
  seen.add(selected);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  const select = (id: string, focus: boolean) => {
    if (id !== selected) {
      // A new view starts at its top; the tab bar is sticky, so the reader may be far down the last one.
      if (typeof window !== 'undefined' && window.scrollY > 0) window.scrollTo(0, 0);
      onSelect(id);
    }
    if (focus) buttons.current.get(id)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const at = tabs.findIndex((tab) => tab.id === selected);
    const last = tabs.length - 1;
    const next: Record<string, number> = {
      ArrowRight: at === last ? 0 : at + 1,
      ArrowLeft: at === 0 ? last : at - 1,
      Home: 0,
      End: last,
    };
    const to = next[event.key];
    if (to === undefined) return;
    event.preventDefault();
    select(tabs[to]!.id, true);
  };

  return (
    <>
      <div class="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            class="tabs__tab"
            aria-selected={tab.id === selected}
            aria-controls={`panel-${tab.id}`}
            tabIndex={tab.id === selected ? 0 : -1}
            data-tab={tab.id}
            ref={(el) => {
              if (el) buttons.current.set(tab.id, el);
              else buttons.current.delete(tab.id);
            }}
            onClick={() => select(tab.id, false)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`panel-${tab.id}`}
          class="panel"
          aria-labelledby={`tab-${tab.id}`}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: APG tabs: a panel takes focus so its content is reachable
          tabIndex={0}
          hidden={tab.id !== selected}
        >
          {seen.has(tab.id) && render(tab.id)}
        </div>
      ))}
    </>
  );
}
