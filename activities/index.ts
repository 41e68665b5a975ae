export { type ActivityDeps, createComplaintActivities } from './complaint.activities';
export { createReportActivities, type ReportActivities } from './report.activities';
export type { ComplaintActivities } from './types';
export {
  createRetentionActivities,
  type RetentionActivities,
  type RetentionActivityDeps,
} from './retention.activities';
