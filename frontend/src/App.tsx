import { Center, Loader } from '@mantine/core';
import { Navigate, Route, Routes } from 'react-router';
import { normaliseError, type LockInfo } from './lib/api';
import { DashboardPage } from './features/dashboard/DashboardPage';
import { DuePage } from './features/due/DuePage';
import { ImportHistoryPage } from './features/import/ImportHistoryPage';
import { ImportPage } from './features/import/ImportPage';
import { AreaRoute } from './features/areaRoutes';
import { ReportsPage } from './features/reports/ReportsPage';
import { DataPage } from './features/data/DataPage';
import { OrganisationPage } from './features/organisation/OrganisationPage';
import { RequirementDetailPage } from './features/requirements/RequirementDetailPage';
import { RequirementsPage } from './features/requirements/RequirementsPage';
import { GapAnalysisPage } from './features/requirements/GapAnalysisPage';
import { Shell } from './features/shell/Shell';
import { ErrorScreen } from './features/system/ErrorScreen';
import { UnlockScreen } from './features/system/UnlockScreen';
import { useSystemInfo } from './features/system/queries';

/** App checks the data folder, then shows the shell and routes. */
export function App() {
  const info = useSystemInfo();
  if (info.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (info.isError) {
    return <ErrorScreen title="ISMS Desk cannot start" message={normaliseError(info.error).message} onRetry={() => void info.refetch()} />;
  }
  if ((info.data as LockInfo).locked) {
    return <UnlockScreen info={info.data as LockInfo} />;
  }
  if (info.data.error) {
    return (
      <ErrorScreen
        title="The data folder could not be opened"
        message={info.data.error}
        dataDir={info.data.dataDir}
      />
    );
  }
  return (
    <Routes>
      <Route element={<Shell info={info.data} />}>
        <Route index element={<DashboardPage />} />
        <Route path="due" element={<DuePage />} />
        <Route path="requirements" element={<RequirementsPage />} />
        <Route path="requirements/gap" element={<GapAnalysisPage />} />
        <Route path="requirements/:id" element={<RequirementDetailPage />} />
        <Route path="records/:plural" element={<AreaRoute />} />
        <Route path="records/:plural/:id" element={<AreaRoute />} />
        <Route path="import" element={<ImportPage />} />
        <Route path="import/history" element={<ImportHistoryPage />} />
        <Route path="reports" element={<ReportsPage />} />
        <Route path="data" element={<DataPage />} />
        <Route path="organisation" element={<OrganisationPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
