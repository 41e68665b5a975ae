export {
  type ComplaintListFilter,
  ComplaintRepository,
  type Page,
  type PageRequest,
  PUBLIC_COMPLAINT_FIELDS,
  type PublicComplaintRecord,
  type PublicStage,
} from './complaint.repository';
export { OutboxRepository } from './outbox.repository';
export { type LocationAreas, ReferenceDataRepository } from './reference-data.repository';
export { type SecurityEventInput, SecurityEventRepository } from './security-event.repository';
export { type InboxFilter, type InboxRow, TaskRepository, type TaskWithComplaint } from './task.repository';
