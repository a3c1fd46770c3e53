// The areas the record kit serves, by plural, and the routes that pick the kit's pages for
// them.
import { Navigate, useParams } from 'react-router';
import type { Stored } from '../lib/api';
import type { AreaConfig } from '../components/record/kit';
import { DetailPage } from '../components/record/DetailPage';
import { RegisterPage } from '../components/record/RegisterPage';
import { assetArea } from './assets/config';
import { evidenceArea } from './evidence/config';
import { kpiArea, measurementArea } from './kpis/config';
import { issueArea, partyArea } from './context/config';
import { controlArea } from './controls/config';
import { objectiveArea } from './objectives/config';
import { personArea, roleArea } from './people/config';
import { policyArea } from './policies/config';
import { riskArea } from './risks/config';
import { milestoneArea } from './timeline/config';
import { nonconformityArea } from './nonconformities/config';
import { auditArea } from './audits/config';
import { findingArea } from './audits/findingConfig';
import { actionArea } from './nonconformities/actionConfig';
import { reviewArea } from './reviews/config';
import { improvementArea } from './improvements/config';
import { attendanceArea, trainingArea } from './training/config';
import { campaignArea, communicationArea } from './awareness/config';
import { feedbackArea, surveyArea } from './feedback/config';

// Each config is typed by its own record; the routes only pass them on.
const configs = new Map<string, AreaConfig<Stored>>(
  ([objectiveArea, issueArea, partyArea, policyArea, controlArea, riskArea, assetArea, evidenceArea, milestoneArea, personArea, roleArea, trainingArea, attendanceArea, campaignArea, communicationArea, kpiArea, measurementArea, auditArea, findingArea, nonconformityArea, actionArea, improvementArea, reviewArea, surveyArea, feedbackArea] as unknown as AreaConfig<Stored>[]).map((c) => [c.plural, c]),
);

/** areaConfig returns the kit's config of an area's kind, by plural. */
export function areaConfig(plural: string): AreaConfig<Stored> | undefined {
  return configs.get(plural);
}

/** AreaRoute shows the register or a record of /records/:plural[/:id]. */
export function AreaRoute() {
  const { plural = '', id } = useParams();
  const config = configs.get(plural);
  if (!config) return <Navigate to="/" replace />;
  if (id) return <DetailPage key={`${plural}/${id}`} config={config} id={id} />;
  return <RegisterPage key={plural} config={config} />;
}
