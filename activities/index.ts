export { type ActivityDeps, createComplaintActivities } from './complaint.activities';
export { createReportActivities, type ReportActivities } from './report.activities';
export {
  createRetentionActivities,
  type RetentionActivities,
  type RetentionActivityDeps,
} from './retention.activities';
export type { ComplaintActivities } from './types';
