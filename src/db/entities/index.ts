import { AuditEvent } from './audit-event.entity';
import { Complaint } from './complaint.entity';
import { ComplaintTask } from './complaint-task.entity';
import { Decision } from './decision.entity';
import { HolidayRecord } from './holiday.entity';
import { Notification } from './notification.entity';

export { AuditEvent, Complaint, ComplaintTask, Decision, HolidayRecord, Notification };
export const ENTITIES = [Complaint, ComplaintTask, Decision, AuditEvent, Notification, HolidayRecord];
