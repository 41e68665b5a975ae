export { type ActivityDeps, createComplaintActivities } from './complaint.activities';
export type { ComplaintActivities } from './types';
