import { useState } from 'react';
import {
  Alert, Badge, Button, Code, Group, Loader, Paper, Progress as ProgressBar, Radio, ScrollArea, Select, SimpleGrid, Stack, Text, Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck, IconExternalLink, IconFileExport, IconPlayerStop } from '@tabler/icons-react';
import { QueryError } from '../../components/QueryError';
import { api, normaliseError, type ReportInfo, type ReportPreview } from '../../lib/api';
import { plural } from '../../lib/format';
import { useProgress } from '../../lib/progress';
import { progressPercent } from '../import/wizard';
import { useExportReport, useReportPreview, useReports, useReportTargets } from './queries';
import { Link } from 'react-router';
import { useOrganisation } from '../organisation/OrganisationPage';
import {
  exportBlocker, exportErrorHint, exportErrorTitle, ragColour, ragWord, sentence, targetLabel, targetPlaceholder, versionLine,
} from './view';

/** ReportsPage writes the Excel reports for the board and the auditor from live records. */
export function ReportsPage() {
  const reports = useReports();
  const [name, setName] = useState<string | null>(null);
  const selected = reports.data?.find((r) => r.name === name);
  const org = useOrganisation();
  return (
    <div className="page-scroll">
      <Stack gap="md" maw={1180}>
        <div>
          <Title order={2}>Reports</Title>
          <Text size="sm" c="dimmed">
            Excel workbooks built from the records, for the board and the certification auditor. Choose a report, check its
            executive page, then export it to a file.
          </Text>
        </div>
        {org.isSuccess && org.data.name.trim() === '' && (
          <Alert color="yellow" icon={<IconAlertTriangle />} title="Your organisation has no name yet">
            <Group justify="space-between">
              <Text size="sm">Every report&apos;s cover names the organisation and its ISMS scope. Set them before exporting.</Text>
              <Button component={Link} to="/organisation" size="xs">Organisation and scope</Button>
            </Group>
          </Alert>
        )}
        {reports.isError ? (
          <QueryError error={reports.error} onRetry={() => void reports.refetch()} />
        ) : reports.isPending ? (
          <Group justify="center" p="xl"><Loader /></Group>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Radio.Group value={name} onChange={setName} label="Report" aria-label="Report" styles={{ label: { marginBottom: 8 } }}>
              <Stack gap="xs">
                {reports.data.map((r) => (
                  <Radio.Card key={r.name} value={r.name} radius="md" p="sm" className="report-card" aria-label={r.title}>
                    <Group wrap="nowrap" align="flex-start" gap="sm">
                      <Radio.Indicator mt={2} />
                      <div>
                        <Text fw={600} size="sm">{r.title}</Text>
                        <Text size="xs" c="dimmed">{r.about}</Text>
                      </div>
                    </Group>
                  </Radio.Card>
                ))}
              </Stack>
            </Radio.Group>
            <div style={{ position: 'sticky', top: 0, alignSelf: 'start' }}>
              {selected ? (
                <ReportPanel key={selected.name} report={selected} />
              ) : (
                <Paper withBorder p="lg" radius="md" c="dimmed">
                  <Text size="sm">Choose a report on the left to see its executive page and save it.</Text>
                </Paper>
              )}
            </div>
          </SimpleGrid>
        )}
      </Stack>
    </div>
  );
}

function ReportPanel({ report }: { report: ReportInfo }) {
  const targets = useReportTargets(report.idKind);
  const [id, setId] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [cancelRequested, setCancelRequested] = useState(false);
  const exp = useExportReport();
  const progress = useProgress('export:progress', exp.isPending);
  const blocker = exportBlocker(report, id);
  const error = exp.error ? normaliseError(exp.error) : null;
  const preview = useReportPreview(report.name, id ?? '', !blocker);

  const onExport = () => {
    setSaved(null);
    setCancelRequested(false);
    exp.mutate(
      { name: report.name, id: id ?? '' },
      {
        onSuccess: (path) => {
          if (!path) return; // the user closed the save dialog
          setSaved(path);
          notifications.show({ color: 'green', title: `${report.title} exported`, message: path });
        },
      },
    );
  };

  const onOpen = () => {
    if (!saved) return;
    api.reports.open(saved).catch((err: unknown) =>
      notifications.show({ color: 'red', title: 'The file could not be opened', message: normaliseError(err).message }),
    );
  };

  return (
    <Paper withBorder p="lg" radius="md" role="region" aria-label={report.title}>
      <Stack gap="md">
        <div>
          <Title order={3} size="h4">{report.title}</Title>
          <Text size="sm" c="dimmed">{report.about}</Text>
        </div>
        {report.idKind && (
          targets.isError ? (
            <QueryError error={targets.error} onRetry={() => void targets.refetch()} />
          ) : (
            <Select
              label={targetLabel(report.idKind)}
              withAsterisk={report.needsId}
              placeholder={targetPlaceholder(report)}
              data={targets.data ?? []}
              value={id}
              onChange={setId}
              clearable={!report.needsId}
              searchable
              nothingFoundMessage={targets.isPending ? 'Loading…' : `No ${targetLabel(report.idKind).toLowerCase()}s recorded yet`}
              description={
                targets.isSuccess && targets.data.length === 0
                  ? `No ${targetLabel(report.idKind).toLowerCase()}s are recorded yet.`
                  : report.idKind === 'review' && !report.needsId
                    ? 'Leave empty for the latest review. A held review prints as it was presented; a planned one as a pre-read from today\'s records.'
                    : undefined
              }
            />
          )
        )}
        {!blocker && (
          preview.isError ? (
            // role "status": the export's own alert is the one that reports a failure
            <Alert color="red" icon={<IconAlertTriangle />} title={exportErrorTitle(normaliseError(preview.error), report)} role="status">
              <Text size="sm">{sentence(normaliseError(preview.error).message)}</Text>
              {exportErrorHint(normaliseError(preview.error), report) && (
                <Text size="sm" mt={4} c="dimmed">{exportErrorHint(normaliseError(preview.error), report)}</Text>
              )}
            </Alert>
          ) : preview.isPending ? (
            <Group gap="xs"><Loader size="sm" /><Text size="sm" c="dimmed">Working out the executive page…</Text></Group>
          ) : (
            <ExecutivePreview preview={preview.data} />
          )
        )}
        <Group>
          <Button leftSection={<IconFileExport size={16} />} onClick={onExport} disabled={!!blocker || exp.isPending} loading={exp.isPending}>
            Export…
          </Button>
          {exp.isPending && (
            <Button
              color="red"
              variant="light"
              leftSection={<IconPlayerStop size={16} />}
              onClick={() => {
                setCancelRequested(true);
                void api.reports.cancel();
              }}
              disabled={cancelRequested}
            >
              {cancelRequested ? 'Cancelling…' : 'Cancel'}
            </Button>
          )}
          {blocker && report.needsId && <Text size="sm" c="dimmed">{blocker}</Text>}
        </Group>
        {exp.isPending && (
          <Stack gap={4}>
            <ProgressBar value={progress ? progressPercent(progress) : 100} animated striped={!progress} aria-label="Export progress" />
            <Text size="xs" c="dimmed" aria-live="polite">
              {progress ? `${progressPercent(progress)}% written` : 'Choose where to save it…'}
            </Text>
          </Stack>
        )}
        {error && (
          cancelRequested ? (
            <Alert color="yellow" title="Export cancelled">The export was cancelled; no file was left behind.</Alert>
          ) : (
            <Alert color="red" icon={<IconAlertTriangle />} title={exportErrorTitle(error, report)} role="alert">
              <Text size="sm">{sentence(error.message)}</Text>
              {exportErrorHint(error, report) && <Text size="sm" mt={4} c="dimmed">{exportErrorHint(error, report)}</Text>}
            </Alert>
          )
        )}
        {saved && !exp.isPending && (
          <Alert color="green" icon={<IconCircleCheck />} title="Report saved" aria-label="Saved report">
            <Stack gap="xs">
              <Code block data-testid="saved-path" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>{saved}</Code>
              <Group>
                <Button size="xs" variant="light" leftSection={<IconExternalLink size={14} />} onClick={onOpen}>
                  Open in spreadsheet app
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

/** ExecutivePreview shows the executive page the report will open with: its headline
 * figures with their status and change, the decisions requested and the top exceptions. */
function ExecutivePreview({ preview: p }: { preview: ReportPreview }) {
  return (
    <Stack gap="sm" aria-label="Executive page preview" role="region">
      <div>
        <Group gap="xs" justify="space-between" wrap="nowrap">
          <Text fw={600} size="sm">{p.title}</Text>
          {p.asPresented && <Badge variant="light" color="blue">As presented at the meeting</Badge>}
        </Group>
        <Text size="xs" c="dimmed">{[p.organisation, p.period].filter(Boolean).join(' · ')}</Text>
        <Text size="xs" c="dimmed">{versionLine(p)}</Text>
        {p.note && <Text size="xs" mt={4}>{p.note}</Text>}
      </div>
      <ScrollArea.Autosize mah="calc(100vh - 420px)" offsetScrollbars type="auto">
        <Stack gap="sm">
          <SimpleGrid cols={2} spacing="xs">
            {p.figures.map((f) => (
              <Paper key={f.label} withBorder p="xs" radius="sm" aria-label={f.label}>
                <Group justify="space-between" wrap="nowrap" align="flex-start" gap={4}>
                  <Text size="xs" fw={600} lh={1.3}>{f.label}</Text>
                  <Badge size="xs" color={ragColour(f.rag)} variant="filled">{ragWord(f.rag)}</Badge>
                </Group>
                <Text fw={700} size="md">{f.text}</Text>
                <Text size="xs" c="dimmed">{f.change}</Text>
                <Text size="xs">{f.why}</Text>
              </Paper>
            ))}
          </SimpleGrid>
          <div>
            <Text fw={600} size="sm">{p.decisionsTitle}</Text>
            {p.decisions.length === 0 ? (
              <Text size="xs" c="dimmed">None: no decision is waiting in the records.</Text>
            ) : (
              <Stack gap={4} mt={4}>
                {p.decisions.map((d, i) => (
                  <div key={`${d.ask}-${d.ref}-${i}`}>
                    <Text size="xs"><b>{d.ask}</b>: {d.ref} {d.title}</Text>
                    <Text size="xs" c="dimmed">{[d.owner, d.when].filter(Boolean).join(' · ')}</Text>
                  </div>
                ))}
                {p.more.map((m) => (
                  <Text key={m.ask} size="xs" c="dimmed">and {plural(m.count, 'more', 'more')} to {m.ask.charAt(0).toLowerCase() + m.ask.slice(1)}, in the registers</Text>
                ))}
              </Stack>
            )}
          </div>
          {!p.asPresented && (
            <div>
              <Text fw={600} size="sm">Top exceptions</Text>
              {p.exceptions.length === 0 ? (
                <Text size="xs" c="dimmed">None: no record contradicts another on the rules checked.</Text>
              ) : (
                <Stack gap={4} mt={4}>
                  {p.exceptions.map((e) => (
                    <div key={e.rule}>
                      <Text size="xs"><b>{e.rule}</b> ({plural(e.count, 'record', 'records')}): {e.ref} {e.title}</Text>
                      <Text size="xs" c="dimmed">{e.detail}</Text>
                    </div>
                  ))}
                </Stack>
              )}
            </div>
          )}
          <Text size="xs" c="dimmed">Sheets after the executive page: {p.sheets.join(', ')}.</Text>
        </Stack>
      </ScrollArea.Autosize>
    </Stack>
  );
}
