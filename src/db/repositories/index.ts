// One repository per feature's tables; the services take them instead of the EntityManager.
export { AreaRepository } from './area.repository';
export { AttachmentRepository } from './attachment.repository';
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
export { ComplaintNotificationRepository } from './complaint-notification.repository';
export { DataSubjectRepository } from './data-subject.repository';
export { HealthRepository } from './health.repository';
export { HolidayRepository } from './holiday.repository';
export { IntakeRepository } from './intake.repository';
export { LoginThrottleRepository } from './login-throttle.repository';
export { MetricsRepository } from './metrics.repository';
export { NotificationInboxRepository } from './notification-inbox.repository';
export { ObjectionRepository } from './objection.repository';
export { Open311ApiKeyRepository } from './open311-api-key.repository';
export { Open311RequestRepository } from './open311-request.repository';
export { OutboxRepository } from './outbox.repository';
export {
  type PersonalDataAccessFilter,
  PersonalDataAccessRepository,
  type PersonalDataRead,
  type PersonalDataReader,
} from './personal-data-access.repository';
export { RateLimitRepository } from './rate-limit.repository';
export { RecapReportRepository } from './recap-report.repository';
export { type LocationAreas, ReferenceDataRepository } from './reference-data.repository';
export { RetentionRepository } from './retention.repository';
export { SatisfactionRepository } from './satisfaction.repository';
export { type SecurityEventInput, SecurityEventRepository } from './security-event.repository';
export { SessionRepository } from './session.repository';
export { StageDeadlineRepository } from './stage-deadline.repository';
export { StuckCaseRepository } from './stuck-case.repository';
export {
  INBOX_DESCRIPTION_CHARS,
  type InboxComplaint,
  type InboxFilter,
  type InboxRow,
  TaskRepository,
  type TaskWithComplaint,
  type WorkloadRow,
} from './task.repository';
export { UserRepository } from './user.repository';
