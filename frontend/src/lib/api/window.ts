// The window's own state: the last screen, the title, and the menu's commands.
import * as Window from './wailsjs/go/app/WindowService';
import { EventsOn } from './wailsjs/runtime/runtime';
import { call } from './call';

export const desktop = {
  window: {
    /** The screen shown when the window last closed, "" when none. */
    lastRoute: () => call<string>(() => Window.LastRoute()),
    setRoute: (route: string) => call<void>(() => Window.SetRoute(route)),
    setTitle: (screen: string) => call<void>(() => Window.SetTitle(screen)),
    /** onMenu listens to the menu's commands ("go:/import", "search", ...); it returns the unsubscribe. */
    onMenu: (fn: (command: string) => void): (() => void) => {
      if (typeof window === 'undefined' || window.runtime === undefined) return () => {};
      return EventsOn('menu', (c: unknown) => fn(String(c)));
    },
  },
};
