import { useState } from 'react';
import {
  Alert, Button, Code, Group, Loader, Paper, Progress as ProgressBar, Radio, Select, SimpleGrid, Stack, Text, Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck, IconExternalLink, IconFileExport, IconPlayerStop } from '@tabler/icons-react';
import { QueryError } from '../../components/QueryError';
import { api, normaliseError, type ReportInfo } from '../../lib/api';
import { useProgress } from '../../lib/progress';
import { progressPercent } from '../import/wizard';
import { useExportReport, useReports, useReportTargets } from './queries';
import { Link } from 'react-router';
import { useOrganisation } from '../organisation/OrganisationPage';
import { exportBlocker, exportErrorHint, exportErrorTitle, sentence, targetLabel, targetPlaceholder } from './view';

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
            Excel workbooks built from live records, for the board and the certification auditor. Choose a report, then export
            it to a file.
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
                  <Text size="sm">Choose a report on the left to see its parameters and export it.</Text>
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
                    ? 'Leave empty for the latest held review.'
                    : undefined
              }
            />
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
