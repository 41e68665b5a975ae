// The workflows this worker runs. Loaded by the worker's bundler: import only workflow-safe code.
export { complaintWorkflow } from './complaint/complaint.workflow';
export { recapReportWorkflow } from './report/recap-report.workflow';
export { retentionWorkflow } from './retention/retention.workflow';
