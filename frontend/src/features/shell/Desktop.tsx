// The window's desktop conventions: the title names the screen, the last screen reopens,
// the menu's commands run, and the search box (Ctrl+K) opens any screen or action and
// finds any record by the words of its text.
import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Badge, Code, Group, Kbd, Loader, Mark, Modal, Stack, Table, Text, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Spotlight, spotlight, type SpotlightActionData } from '@mantine/spotlight';
import { IconArrowRight, IconDatabaseExport, IconMoon, IconPlus, IconSearch } from '@tabler/icons-react';
import { api, normaliseError, type SearchResult, type SystemInfo } from '../../lib/api';
import { recordPath } from '../../lib/areas';
import { destinations, screenName } from './screens';
import { groupByKind, highlight, matches } from './searchText';

/** How long the search box waits after a key before it searches the records. */
const searchDelay = 120;

/** Marked shows text with the words matching the query highlighted. */
function Marked({ text, query }: { text: string; query: string }) {
  return (
    <>
      {highlight(text, query).map((p, i) => (p.match ? <Mark key={i}>{p.text}</Mark> : <Fragment key={i}>{p.text}</Fragment>))}
    </>
  );
}

/** RecordHit is one record found: its ref and title, the field that matched and the snippet. */
function RecordHit({ r, query, onOpen }: { r: SearchResult; query: string; onOpen: () => void }) {
  return (
    <Spotlight.Action onClick={onOpen}>
      <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
        <Group gap={6} wrap="nowrap">
          {r.ref && <Badge variant="light" radius="sm" size="sm" style={{ flexShrink: 0 }}>{r.ref}</Badge>}
          <Text size="sm" fw={500} truncate="end"><Marked text={r.title} query={query} /></Text>
        </Group>
        {r.snippet && r.snippet !== r.title && r.snippet !== r.ref && (
          <Text size="xs" c="dimmed" lineClamp={2}>
            <Text span size="xs" fw={600}>{r.field}: </Text>
            <Marked text={r.snippet} query={query} />
          </Text>
        )}
      </Stack>
    </Spotlight.Action>
  );
}

/** The id of the search box's list, to select its first entry when records arrive. */
const listId = 'search-box-list';

/**
 * selectFirst selects the first entry of the list when none is: the records arrive after
 * the query changed, when the palette had nothing to select, and Enter must open the first.
 */
function selectFirst() {
  const list = document.getElementById(listId);
  if (!list || list.querySelector('[data-selected]')) return;
  list.querySelector('[data-action]')?.setAttribute('data-selected', 'true');
}

/** The records found for a query, or why none could be. */
interface Found {
  query: string;
  results: SearchResult[];
  error?: string;
}

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
    else if (c.startsWith('edit:')) document.execCommand(c.slice(5)); // the Edit menu acts on the focused field
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

  // The records matching the query, searched by Go a moment after the last key.
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  useEffect(() => {
    if (query.trim() === '') {
      setFound(null);
      return;
    }
    let stale = false;
    const timer = setTimeout(() => {
      api.search.find(query)
        .then((results) => { if (!stale) setFound({ query, results }); })
        .catch((e) => { if (!stale) setFound({ query, results: [], error: normaliseError(e).message }); });
    }, searchDelay);
    return () => { stale = true; clearTimeout(timer); };
  }, [query]);

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

  // The palette's own entries matching the query, by group; then the records found.
  const typed = query.trim() !== '';
  const shown = typed ? actions.filter((a) => matches(query, a.label, a.description)).slice(0, 6) : actions.slice(0, 12);
  const entryGroups = ['Go to', 'Create', 'Actions']
    .map((g) => ({ label: g, items: shown.filter((a) => a.group === g) }))
    .filter((g) => g.items.length > 0);
  // While Go searches, the records found for the previous query stay (without flicker).
  const current = typed ? found : null;
  const recordGroups = current ? groupByKind(current.results) : [];
  const searching = typed && current?.query !== query;
  useEffect(() => {
    if (found && found.results.length > 0) selectFirst();
  }, [found]);

  return (
    <>
      <Spotlight.Root query={query} onQueryChange={setQuery} shortcut={['mod + K']} scrollable maxHeight={480}>
        <Spotlight.Search
          leftSection={<IconSearch size={18} />}
          rightSection={searching ? <Loader size="xs" aria-label="Searching the records" /> : null}
          placeholder="Search every record, go to a screen or run a command…"
          aria-label="Search screens and commands, and every record"
        />
        <Spotlight.ActionsList id={listId}>
          {entryGroups.map((g) => (
            <Spotlight.ActionsGroup key={g.label} label={g.label}>
              {g.items.map(({ id, group: _group, ...a }) => <Spotlight.Action key={id} highlightQuery {...a} />)}
            </Spotlight.ActionsGroup>
          ))}
          {recordGroups.map((g) => (
            <Spotlight.ActionsGroup key={g.kind} label={`${g.label} (${g.items.length})`}>
              {g.items.map((r) => (
                <RecordHit key={r.kind + '/' + r.id} r={r} query={current?.query ?? query} onOpen={() => navigate(recordPath(r.kind, r.id))} />
              ))}
            </Spotlight.ActionsGroup>
          ))}
          {current?.error && <Spotlight.Empty><Text size="sm" c="red">{current.error}</Text></Spotlight.Empty>}
          {typed && !searching && !current?.error && entryGroups.length === 0 && recordGroups.length === 0 && (
            <Spotlight.Empty>Nothing found for “{query.trim()}”</Spotlight.Empty>
          )}
          {searching && entryGroups.length === 0 && recordGroups.length === 0 && <Spotlight.Empty>Searching the records…</Spotlight.Empty>}
        </Spotlight.ActionsList>
      </Spotlight.Root>
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
