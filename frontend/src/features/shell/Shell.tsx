import { AppShell, Badge, Code, Group, NavLink, ScrollArea, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import {
  IconAlertOctagon, IconBook, IconBulb, IconChecklist, IconClipboardCheck, IconFileText, IconGauge,
  IconBuilding, IconCalendarDue, IconDeviceLaptop, IconPaperclip, IconLayoutDashboard, IconMessages, IconPresentation, IconScale, IconSchool, IconShieldCheck,
  IconShieldLock, IconSpeakerphone, IconTarget, IconTimeline, IconUsers, IconAlertTriangle, IconFileImport, IconReportAnalytics, IconDatabase,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import type { SystemInfo } from '../../lib/api';
import { recordAreas } from '../../lib/areas';
import { DueBadge } from '../due/DueBadge';
import { FirstRun } from '../organisation/FirstRun';
import { Desktop } from './Desktop';
import { ThemeSwitch } from './ThemeSwitch';

const icons: Record<string, ComponentType<{ size?: number; stroke?: number }>> = {
  objectives: IconTarget,
  issues: IconScale,
  policies: IconFileText,
  controls: IconShieldCheck,
  risks: IconAlertTriangle,
  assets: IconDeviceLaptop,
  evidence: IconPaperclip,
  training: IconSchool,
  awareness: IconSpeakerphone,
  kpis: IconGauge,
  audits: IconClipboardCheck,
  reviews: IconPresentation,
  nonconformities: IconAlertOctagon,
  improvements: IconBulb,
  timeline: IconTimeline,
  people: IconUsers,
  feedback: IconMessages,
};

/** Shell is the window's frame: the header and the navigation of every area. */
export function Shell({ info }: { info: SystemInfo }) {
  const { pathname } = useLocation();
  const isActive = (prefixes: string[]) =>
    prefixes.some((p) => pathname === p || pathname.startsWith(p + '/'));
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 284, breakpoint: 0 }} padding={0}>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to content
      </a>
      <Desktop info={info} />
      <AppShell.Header px="md" className="app-header">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <ThemeIcon size={30} radius="md" variant="gradient" gradient={{ from: 'indigo', to: 'cyan', deg: 135 }}>
              <IconShieldLock size={18} />
            </ThemeIcon>
            <Title order={1} size="h4" c="white">
              {info.name || 'ISMS Desk'}
            </Title>
            {info.version && (
              <Badge size="xs" variant="outline" color="gray.4" c="gray.4">
                {info.version}
              </Badge>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap" miw={0}>
          <ThemeSwitch />
          <Tooltip label="Data folder" position="bottom-end">
            <Group gap={6} wrap="nowrap" miw={0}>
              <Text size="xs" c="gray.4">Data</Text>
              <Code className="data-dir" title={info.dataDir}>{info.dataDir}</Code>
            </Group>
          </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar aria-label="Areas">
        <ScrollArea type="hover" h="100%" p="xs">
          <NavLink
            component={RouterLink}
            to="/"
            label="Dashboard"
            leftSection={<IconLayoutDashboard size={18} stroke={1.6} />}
            active={pathname === '/'}
          />
          <NavLink
            component={RouterLink}
            to="/due"
            label="What is due"
            leftSection={<IconCalendarDue size={18} stroke={1.6} />}
            rightSection={<DueBadge />}
            active={isActive(['/due'])}
          />
          <NavLink
            component={RouterLink}
            to="/import"
            label="Import from Excel"
            leftSection={<IconFileImport size={18} stroke={1.6} />}
            active={isActive(['/import'])}
          />
          <NavLink
            component={RouterLink}
            to="/reports"
            label="Reports"
            leftSection={<IconReportAnalytics size={18} stroke={1.6} />}
            active={isActive(['/reports'])}
          />
          <NavLink
            component={RouterLink}
            to="/requirements"
            label="Requirements"
            leftSection={<IconChecklist size={18} stroke={1.6} />}
            active={isActive(['/requirements'])}
          />
          {recordAreas.map((a) => {
            const Icon = icons[a.id] ?? IconBook;
            const first = a.kinds[0]!;
            return (
              <NavLink
                key={a.id}
                component={RouterLink}
                to={`/records/${first.plural}`}
                label={a.label}
                leftSection={<Icon size={18} stroke={1.6} />}
                active={isActive(a.kinds.map((k) => `/records/${k.plural}`))}
              />
            );
          })}
          <NavLink
            component={RouterLink}
            to="/organisation"
            label="Organisation"
            leftSection={<IconBuilding size={18} stroke={1.6} />}
            active={isActive(['/organisation'])}
          />
          <NavLink
            component={RouterLink}
            to="/data"
            label="Data & backup"
            leftSection={<IconDatabase size={18} stroke={1.6} />}
            active={isActive(['/data'])}
          />
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main className="app-main" id="main" tabIndex={-1}>
        <FirstRun />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
