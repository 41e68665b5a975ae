export {
  COMPLAINT_LIST_SORTS,
  type ComplaintListFilter,
  type ComplaintListSort,
  ComplaintRepository,
  type Page,
  type PageRequest,
  PUBLIC_COMPLAINT_FIELDS,
  type PublicComplaintRecord,
  type PublicStage,
  type PublicUnitProgress,
  publicStageOf,
  publicUnitProgressOf,
} from './complaint.repository';
export { OutboxRepository } from './outbox.repository';
export {
  type PersonalDataAccessFilter,
  PersonalDataAccessRepository,
  type PersonalDataRead,
  type PersonalDataReader,
} from './personal-data-access.repository';
export { type LocationAreas, ReferenceDataRepository } from './reference-data.repository';
export { type SecurityEventInput, SecurityEventRepository } from './security-event.repository';
export {
  INBOX_DESCRIPTION_CHARS,
  type InboxComplaint,
  type InboxFilter,
  type InboxRow,
  TaskRepository,
  type TaskWithComplaint,
  type WorkloadRow,
} from './task.repository';
