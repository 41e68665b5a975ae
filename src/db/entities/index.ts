import { Area } from './area.entity';
import { Attachment } from './attachment.entity';
import { AuditEvent } from './audit-event.entity';
import { Complaint } from './complaint.entity';
import { ComplaintTask } from './complaint-task.entity';
import { DataSubjectRequest } from './data-subject-request.entity';
import { Decision } from './decision.entity';
import { HolidayRecord } from './holiday.entity';
import { IdempotencyRecord } from './idempotency-record.entity';
import { LoginThrottle } from './login-throttle.entity';
import { Notification } from './notification.entity';
import { NotificationRead } from './notification-read.entity';
import { Open311ApiKey } from './open311-api-key.entity';
import { PersonalDataAccess } from './personal-data-access.entity';
import { PersonalDataKeyState } from './personal-data-key-state.entity';
import { RateLimit } from './rate-limit.entity';
import { RecapReportRecord } from './recap-report.entity';
import { RefreshToken } from './refresh-token.entity';
import { RegisterCounter } from './register-counter.entity';
import { SatisfactionRating } from './satisfaction-rating.entity';
import { SecurityEvent } from './security-event.entity';
import { StageDeadlineSetting } from './stage-deadline-setting.entity';
import { User } from './user.entity';

export {
  Area,
  Attachment,
  AuditEvent,
  Complaint,
  ComplaintTask,
  DataSubjectRequest,
  Decision,
  HolidayRecord,
  IdempotencyRecord,
  LoginThrottle,
  Notification,
  NotificationRead,
  Open311ApiKey,
  PersonalDataAccess,
  PersonalDataKeyState,
  RateLimit,
  RecapReportRecord,
  RefreshToken,
  RegisterCounter,
  SatisfactionRating,
  SecurityEvent,
  StageDeadlineSetting,
  User,
};
export const ENTITIES = [
  RecapReportRecord,
  Complaint,
  ComplaintTask,
  Decision,
  AuditEvent,
  Notification,
  NotificationRead,
  HolidayRecord,
  User,
  Area,
  Attachment,
  IdempotencyRecord,
  RegisterCounter,
  SecurityEvent,
  RefreshToken,
  LoginThrottle,
  RateLimit,
  SatisfactionRating,
  Open311ApiKey,
  StageDeadlineSetting,
  PersonalDataAccess,
  DataSubjectRequest,
  PersonalDataKeyState,
];
