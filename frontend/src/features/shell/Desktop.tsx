// The window's desktop conventions: the title names the screen, the last screen reopens,
// the menu's commands run, and the command palette (Ctrl+K) opens any screen or action.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Code, Group, Kbd, Modal, Stack, Table, Text, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Spotlight, spotlight, type SpotlightActionData } from '@mantine/spotlight';
import { IconArrowRight, IconDatabaseExport, IconMoon, IconPlus, IconSearch } from '@tabler/icons-react';
import { api, normaliseError, type SystemInfo } from '../../lib/api';
import { destinations, screenName } from './screens';

/** The keyboard shortcuts, as the menu and the palette offer them. */
export const shortcuts: [string, string][] = [
  ['Ctrl K', 'Search and commands'],
  ['Ctrl N', 'New record in the current register'],
  ['Ctrl I', 'Import from Excel'],
  ['Ctrl E', 'Export a report'],
  ['Ctrl B', 'Back up'],
  ['Ctrl 1', 'Dashboard'],
  ['Ctrl 2', 'What is due'],
  ['Alt ←', 'Back'],
  ['Ctrl Shift L', 'Switch light / dark theme'],
  ['F1', 'Keyboard shortcuts'],
  ['Ctrl Q', 'Quit'],
];

/** createPath is where "New record" goes from a screen: its register with the form open. */
export function createPath(pathname: string): string | null {
  if (pathname === '/requirements' || pathname.startsWith('/requirements/')) return pathname === '/requirements/gap' ? null : '/requirements?new=1';
  const m = /^\/records\/([^/]+)/.exec(pathname);
  return m ? `/records/${m[1]}?new=1` : null;
}

/** Desktop wires the window's title, last screen, menu and command palette. */
export function Desktop({ info }: { info: SystemInfo }) {
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const [about, setAbout] = useState(false);
  const [keys, setKeys] = useState(false);
  const here = useRef(pathname);
  here.current = pathname;

  // The last screen reopens when the window opens on the dashboard.
  useEffect(() => {
    if (window.location.hash !== '' && window.location.hash !== '#/') return;
    api.window.lastRoute().then((r) => {
      if (r && r !== '/' && here.current === '/') navigate(r, { replace: true });
    }).catch(() => undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const name = screenName(pathname);
    document.title = name ? `${name} – ISMS Desk` : 'ISMS Desk';
    api.window.setRoute(pathname + search).catch(() => undefined);
    api.window.setTitle(name).catch(() => undefined);
  }, [pathname, search]);

  const toggleTheme = () => setColorScheme(scheme === 'dark' ? 'light' : 'dark');
  const backup = () => {
    api.system.backup().then((path) => {
      if (path) notifications.show({ color: 'green', title: 'Backed up', message: path });
    }).catch((e) => notifications.show({ color: 'red', title: 'Backup failed', message: normaliseError(e).message }));
  };
  const newRecord = () => {
    const to = createPath(here.current);
    if (to) navigate(to);
    else spotlight.open();
  };

  const commands = useRef({ navigate, toggleTheme, backup, newRecord });
  commands.current = { navigate, toggleTheme, backup, newRecord };
  useEffect(() => api.window.onMenu((c) => {
    const run = commands.current;
    if (c.startsWith('go:')) run.navigate(c.slice(3));
    else if (c === 'back') run.navigate(-1);
    else if (c === 'search') spotlight.open();
    else if (c === 'new') run.newRecord();
    else if (c === 'backup') run.backup();
    else if (c === 'theme') run.toggleTheme();
    else if (c === 'about') setAbout(true);
    else if (c === 'shortcuts') setKeys(true);
  }), []);

  // The same shortcuts in a browser, where there is no native menu.
  useEffect(() => {
    if (window.runtime !== undefined) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F1') { e.preventDefault(); setKeys(true); }
      if (!(e.ctrlKey || e.metaKey)) return;
      const k = e.key.toLowerCase();
      if (e.shiftKey && k === 'l') { e.preventDefault(); commands.current.toggleTheme(); }
      else if (!e.shiftKey && k === '1') { e.preventDefault(); commands.current.navigate('/'); }
      else if (!e.shiftKey && k === '2') { e.preventDefault(); commands.current.navigate('/due'); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const actions = useMemo<SpotlightActionData[]>(() => {
    const go = destinations().map((d) => ({
      id: 'go:' + d.id, label: d.label, description: d.description, group: 'Go to',
      leftSection: <IconArrowRight size={16} />, onClick: () => navigate(d.path),
    }));
    const create = destinations().filter((d) => d.creates).map((d) => ({
      id: 'new:' + d.id, label: `New: ${d.label}`, description: `Open the ${d.label.toLowerCase()} register with a new record`, group: 'Create',
      leftSection: <IconPlus size={16} />,
      onClick: () => navigate(d.path === '/requirements' ? '/requirements?new=1' : `${d.path}?new=1`),
    }));
    const other = [
      { id: 'do:backup', label: 'Back up now', description: 'Save a backup file of the whole database', group: 'Actions', leftSection: <IconDatabaseExport size={16} />, onClick: backup },
      { id: 'do:theme', label: 'Switch light / dark theme', description: 'Ctrl Shift L', group: 'Actions', leftSection: <IconMoon size={16} />, onClick: toggleTheme },
      { id: 'do:keys', label: 'Keyboard shortcuts', description: 'F1', group: 'Actions', onClick: () => setKeys(true) },
      { id: 'do:about', label: 'About ISMS Desk', description: 'Version and data folder', group: 'Actions', onClick: () => setAbout(true) },
    ];
    return [...go, ...create, ...other];
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [navigate, scheme]);

  return (
    <>
      <Spotlight
        actions={actions}
        shortcut={['mod + K']}
        nothingFound="Nothing found"
        highlightQuery
        limit={12}
        scrollable
        maxHeight={420}
        searchProps={{ leftSection: <IconSearch size={18} />, placeholder: 'Go to a screen or run a command…', 'aria-label': 'Search screens and commands' }}
      />
      <Modal opened={about} onClose={() => setAbout(false)} title="About ISMS Desk" centered>
        <Stack gap="xs">
          <Text>ISMS Desk runs the ISO/IEC 27001:2022 management system of a small organisation from one laptop, offline.</Text>
          <Group gap="xs"><Text fw={600} size="sm">Version</Text><Code>{info.version || 'development'}</Code></Group>
          <Group gap="xs" wrap="nowrap"><Text fw={600} size="sm">Data folder</Text><Code style={{ wordBreak: 'break-all' }}>{info.dataDir}</Code></Group>
          <Group gap="xs"><Text fw={600} size="sm">Database schema</Text><Code>{String(info.schemaVersion)}</Code></Group>
        </Stack>
      </Modal>
      <Modal opened={keys} onClose={() => setKeys(false)} title="Keyboard shortcuts" centered>
        <Table>
          <Table.Tbody>
            {shortcuts.map(([k, what]) => (
              <Table.Tr key={k}>
                <Table.Td w={140}>{k.split(' ').map((p) => <Kbd key={p} mr={4}>{p}</Kbd>)}</Table.Td>
                <Table.Td>{what}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Modal>
    </>
  );
}
