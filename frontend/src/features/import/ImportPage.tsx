import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  Alert, Button, Code, Group, Loader, NumberInput, Paper, SegmentedControl, Select, Stack, Stepper, Text, Title, Tooltip,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconAlertTriangle, IconArrowLeft, IconArrowRight, IconFileSpreadsheet, IconFolderOpen, IconUpload } from '@tabler/icons-react';
import { QueryError } from '../../components/QueryError';
import { api, normaliseError, type ImportLog, type ImportResult } from '../../lib/api';
import { useAreaList } from '../../components/record/queries';
import { useProgress } from '../../lib/progress';
import { ImportTabs } from './ImportTabs';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { useImportKinds, useInspect, usePreview, useRevertImport, useRunImport } from './queries';
import { RunStep } from './RunStep';
import { SheetGrid } from './SheetGrid';
import { TemplateButton } from '../../components/TemplateButton';
import {
  buildRequest, chooseFile, chooseHeader, chooseKind, chooseSheet, effectiveHeader, fileName, importBlocker, importLabel, initialState,
  sheetOptions, surveyMissing, surveyResults, auditMissing, auditResults, type WizardState,
} from './wizard';

/** Where the wizard was, kept while the user looks at other screens (e.g. the imported records). */
interface Snapshot {
  state: WizardState;
  step: number;
  result: ImportResult | null;
  reverted: ImportLog | null;
}

let last: Snapshot | null = null;

/** ImportPage is the import wizard: file, sheet and header, mapping, preview, import. */
export function ImportPage() {
  const [params] = useSearchParams();
  const kinds = useImportKinds();
  // A link with ?kind= starts a new import; the navigation entry comes back to the last one.
  const [init] = useState<Snapshot>(() => {
    const kind = params.get('kind');
    if (kind === null && last) return last;
    return { state: { ...initialState, kind: kind ?? 'requirements', survey: params.get('survey') ?? '', audit: params.get('audit') ?? '' }, step: 0, result: null, reverted: null };
  });
  const [state, setState] = useState<WizardState>(init.state);
  const [step, setStep] = useState(init.step);
  const [result, setResult] = useState<ImportResult | null>(init.result);
  const [reverted, setReverted] = useState<ImportLog | null>(init.reverted);
  const [choosing, setChoosing] = useState(false);
  const [chooseError, setChooseError] = useState<string | null>(null);
  const [cancelRequested, setCancelRequested] = useState(false);

  const inspect = useInspect(state.file, state.sheet, state.kind);
  const req = useMemo(() => buildRequest(state), [state]);
  const preview = usePreview(req, step === 2 || step === 3);
  const run = useRunImport();
  const revert = useRevertImport();
  const progress = useProgress('import:progress', run.isPending);

  useEffect(() => {
    last = { state, step: step === 4 && !result ? 3 : step, result, reverted };
  }, [state, step, result, reverted]);

  const kind = kinds.data?.find((k) => k.kind === state.kind);
  const surveys = useAreaList('surveys', api.surveys);
  const audits = useAreaList('audits', api.audits);
  // results go into a planned audit or one in progress; a reported one is reopened first
  const openAudits = (audits.data ?? []).filter((a) => a.status === 'planned' || a.status === 'in_progress');
  const header = effectiveHeader(state, inspect.data);
  const plan = preview.data;
  const blocker = importBlocker(plan, state.skipInvalid);
  // The preview of an older request is shown while the new one is worked out.
  const stale = preview.isPlaceholderData || preview.isFetching;

  const canNext = [
    state.file !== '' && state.kind !== '' && !surveyMissing(state) && !auditMissing(state) && inspect.isSuccess && !inspect.isPlaceholderData,
    header.row > 0 && inspect.isSuccess,
    !!plan && !stale && !preview.isError && (plan.mappingProblems ?? []).length === 0,
    false,
    false,
  ][step];

  const onChoose = async () => {
    setChoosing(true);
    setChooseError(null);
    try {
      const path = await api.imports.chooseFile();
      if (path) setState((s) => chooseFile(s, path));
    } catch (err) {
      setChooseError(normaliseError(err).message);
    } finally {
      setChoosing(false);
    }
  };

  const startImport = () => {
    if (blocker || stale) return;
    setCancelRequested(false);
    setStep(4);
    setResult(null);
    setReverted(null);
    // The import reads the file again; its digest makes sure it is the file previewed.
    run.mutate({ ...req, sha256: preview.data?.sha256 ?? '' }, { onSuccess: (r) => setResult(r) });
  };

  const onCancel = () => {
    setCancelRequested(true);
    void api.imports.cancel();
  };

  const again = () => {
    run.reset();
    setResult(null);
    setReverted(null);
    setState((s) => ({ ...initialState, kind: s.kind }));
    setStep(0);
  };

  const next = () => {
    if (step === 3) startImport();
    else if (canNext) setStep((s) => s + 1);
  };
  useHotkeys([['mod+Enter', next]]);

  const running = step === 4;
  const rows = header.rows;

  return (
    <div className="page-scroll">
      <Stack gap="md" maw={1180}>
        <div>
          <Title order={2}>Import from Excel</Title>
          <Text size="sm" c="dimmed">
            Bring in a register you keep in Excel or CSV: the app finds the header, proposes a mapping and shows every problem
            before anything is written. Re-importing the same file updates records instead of duplicating them.
          </Text>
        </div>
        <ImportTabs value="wizard" />
        <Stepper
          active={step}
          onStepClick={(i) => {
            if (!running && i < step) setStep(i);
          }}
          allowNextStepsSelect={false}
          size="xs"
          iconSize={28}
        >
          <Stepper.Step label="File" description={state.file ? <Text span inherit truncate display="inline-block" maw={180} title={state.file} style={{ verticalAlign: 'bottom' }}>{fileName(state.file)}</Text> : 'Choose a file'} allowStepSelect={!running && step > 0}>
            <Paper withBorder p="md" radius="md" mt="md">
              <Stack gap="md">
                <Group align="flex-end" gap="md">
                  <Button leftSection={<IconFolderOpen size={16} />} onClick={() => void onChoose()} loading={choosing} data-autofocus>
                    Choose file…
                  </Button>
                  <Select
                    label="Record kind"
                    description="What each row of the sheet becomes"
                    data={(kinds.data ?? []).map((k) => ({ value: k.kind, label: k.label }))}
                    value={state.kind || null}
                    onChange={(v) => v && setState((s) => chooseKind(s, v))}
                    allowDeselect={false}
                    w={320}
                  />
                  <TemplateButton kind={state.kind} />
                  {state.kind === surveyResults && (
                    <Select
                      label="Survey"
                      description="The results go into this survey; questions are matched by their text"
                      placeholder={surveys.isPending ? 'Loading…' : (surveys.data ?? []).length ? 'Choose the survey' : 'Add the survey under Surveys first'}
                      data={(surveys.data ?? []).map((v) => ({ value: v.id, label: [v.ref, v.title].filter(Boolean).join(' ') }))}
                      value={state.survey || null}
                      onChange={(v) => setState((s) => ({ ...s, survey: v ?? '' }))}
                      searchable
                      w={320}
                      error={surveys.error ? normaliseError(surveys.error).message : undefined}
                    />
                  )}
                  {state.kind === auditResults && (
                    <Select
                      label="Audit"
                      description="The results go into this audit's checklist; its status does not change"
                      placeholder={audits.isPending ? 'Loading…' : openAudits.length ? 'Choose the audit' : 'Plan or start the audit under Internal audits first'}
                      data={openAudits.map((v) => ({ value: v.id, label: [v.ref, v.title].filter(Boolean).join(' ') }))}
                      value={state.audit || null}
                      onChange={(v) => setState((s) => ({ ...s, audit: v ?? '' }))}
                      searchable
                      w={320}
                      error={audits.error ? normaliseError(audits.error).message : undefined}
                    />
                  )}
                </Group>
                {state.file ? (
                  <Group gap="xs" wrap="nowrap">
                    <IconFileSpreadsheet size={20} color="var(--mantine-color-green-7)" />
                    <Text fw={600} data-testid="import-file-name">{fileName(state.file)}</Text>
                    <Code title={state.file} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{state.file}</Code>
                    {inspect.isFetching && <Loader size="xs" aria-label="Reading the file" />}
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">An .xlsx, .xlsm or .csv file. An old .xls file must first be saved as .xlsx in Excel.</Text>
                )}
                {chooseError && <Alert color="red" title="The file could not be chosen">{chooseError}</Alert>}
                {inspect.isError && <QueryError error={inspect.error} />}
                {kind && (
                  <Text size="sm" c="dimmed">
                    Fields: {kind.fields.map((f) => (f.required ? `${f.label} *` : f.label)).join(', ')}
                  </Text>
                )}
              </Stack>
            </Paper>
          </Stepper.Step>

          <Stepper.Step label="Sheet and header" description={header.row ? `Header row ${header.row}` : 'Find it'} allowStepSelect={!running && step > 1}>
            {inspect.data && (
              <Stack gap="md" mt="md">
                <Group align="flex-end" gap="md">
                  <Select
                    label="Sheet"
                    data={sheetOptions(inspect.data)}
                    value={state.sheet || inspect.data.sheet}
                    onChange={(v) => v && setState((s) => chooseSheet(s, v))}
                    allowDeselect={false}
                    w={260}
                  />
                  <NumberInput
                    label="Header row"
                    min={1}
                    max={100000}
                    value={header.row || ''}
                    onChange={(v) => {
                      const n = typeof v === 'number' ? v : parseInt(v, 10);
                      if (n > 0) setState((s) => chooseHeader(s, n, rows));
                    }}
                    w={160}
                  />
                  <Stack gap={4}>
                    <Text size="sm" fw={500} id="header-rows-label">Header rows</Text>
                    <SegmentedControl
                      aria-labelledby="header-rows-label"
                      data={[{ value: '1', label: '1 row' }, { value: '2', label: '2 rows' }, { value: '3', label: '3 rows' }]}
                      value={String(rows)}
                      onChange={(v) => header.row > 0 && setState((s) => chooseHeader(s, header.row, Number(v)))}
                      disabled={header.row === 0}
                    />
                  </Stack>
                  {state.headerRow > 0 && (
                    <Button variant="subtle" onClick={() => setState((s) => chooseHeader(s, 0, 0))}>
                      Use the detected header{inspect.data.headerRow ? ` (row ${inspect.data.headerRow})` : ''}
                    </Button>
                  )}
                </Group>
                {inspect.data.headerError && state.headerRow === 0 && (
                  <Alert color="orange" icon={<IconAlertTriangle />} title="No header row found">
                    {inspect.data.headerError} Click the row number of the row that holds the column names (or type it in
                    “Header row”), or choose another sheet.
                  </Alert>
                )}
                <Text size="sm" c="dimmed" data-testid="header-summary">
                  {header.row > 0
                    ? `${state.headerRow > 0 ? 'Chosen' : 'Detected'} header: row ${header.row}${rows > 1 ? ` to ${header.row + rows - 1}` : ''}, highlighted below. Data starts in row ${header.row + rows}. Click a row number to use another row.`
                    : 'Choose the header row: click its row number below.'}
                </Text>
                <SheetGrid
                  preview={inspect.data}
                  headerRow={header.row}
                  headerRows={rows}
                  onPickRow={(n) => setState((s) => chooseHeader(s, n, s.headerRow > 0 ? s.headerRows : 1))}
                />
              </Stack>
            )}
          </Stepper.Step>

          <Stepper.Step label="Mapping" description="Columns" allowStepSelect={!running && step > 2}>
            <Stack gap="md" mt="md">
              {preview.isError && <QueryError error={preview.error} />}
              {preview.isPending && preview.fetchStatus !== 'idle' && <Group justify="center" p="xl"><Loader /></Group>}
              {kind && (plan || preview.isError) && (
                <MappingStep state={state} onChange={setState} plan={plan} fields={plan?.fields ?? kind.fields} fetching={stale} />
              )}
            </Stack>
          </Stepper.Step>

          <Stepper.Step label="Preview" description="Check rows" allowStepSelect={!running && step > 3}>
            <Stack gap="md" mt="md">
              {preview.isError && <QueryError error={preview.error} />}
              {plan && <PreviewStep plan={plan} state={state} onChange={setState} fetching={stale} />}
            </Stack>
          </Stepper.Step>

          <Stepper.Step label="Import" description="Summary">
            <Stack mt="md">
              <RunStep
                kind={state.kind}
                pending={run.isPending}
                error={run.error}
                result={result ?? undefined}
                reverted={reverted}
                onReverted={setReverted}
                progress={progress}
                cancelRequested={cancelRequested}
                onCancel={onCancel}
                onRevert={(id) => revert.mutateAsync(id)}
                onAgain={again}
                onBack={() => {
                  run.reset();
                  setStep(3);
                }}
              />
            </Stack>
          </Stepper.Step>
        </Stepper>

        {step < 4 && (
          <Group justify="space-between" className="wizard-footer">
            <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => setStep((s) => s - 1)} disabled={step === 0}>
              Back
            </Button>
            <Group gap="sm">
              {step === 3 && blocker && plan && !stale && <Text size="sm" c="orange.8">{blocker}</Text>}
              {step === 3 ? (
                <Tooltip label="Ctrl+Enter" openDelay={600}>
                  <Button leftSection={<IconUpload size={16} />} onClick={startImport} disabled={!!blocker || stale}>
                    {importLabel(plan, state.skipInvalid)}
                  </Button>
                </Tooltip>
              ) : (
                <Tooltip label="Ctrl+Enter" openDelay={600}>
                  <Button rightSection={<IconArrowRight size={16} />} onClick={next} disabled={!canNext}>
                    Next
                  </Button>
                </Tooltip>
              )}
            </Group>
          </Group>
        )}
      </Stack>
    </div>
  );
}
