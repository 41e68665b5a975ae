import { EntityManager } from '@mikro-orm/core';
import { Module } from '@nestjs/common';
import { IntakeRepository } from '../../db/repositories/intake.repository';
import { ObjectionRepository } from '../../db/repositories/objection.repository';
import { RepositoriesModule } from '../common/repositories.module';
import { ComplaintActionsController } from './complaint-actions.controller';
import { ComplaintActionsService } from './complaint-actions.service';
import { ComplaintIntakeService } from './complaint-intake.service';
import { ComplaintQueryController } from './complaint-query.controller';
import { ComplaintQueryService } from './complaint-query.service';
import { ComplaintWorkflowService } from './complaint-workflow.service';
import { ComplaintsController } from './complaints.controller';
import { AgenciesController, ForwardingController } from './forwarding.controller';
import { ForwardingService } from './forwarding.service';
import { ObjectionController } from './objection.controller';
import { ObjectionService } from './objection.service';
import { PublicComplaintsController } from './public-complaints.controller';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({
  imports: [RepositoriesModule],
  controllers: [
    ComplaintsController,
    PublicComplaintsController,
    ComplaintQueryController,
    ComplaintActionsController,
    TasksController,
    ForwardingController,
    AgenciesController,
    ObjectionController,
  ],
  providers: [
    ComplaintIntakeService,
    ComplaintQueryService,
    ComplaintActionsService,
    ComplaintWorkflowService,
    TasksService,
    ForwardingService,
    ObjectionService,
    {
      provide: IntakeRepository,
      inject: [EntityManager],
      useFactory: (em: EntityManager) => new IntakeRepository(em),
    },
    {
      provide: ObjectionRepository,
      inject: [EntityManager],
      useFactory: (em: EntityManager) => new ObjectionRepository(em),
    },
  ],
})
export class ComplaintsModule {}
