/**
 * The appointments' scheduler as a background job (core/jobs): holds lapse and reminders go out on
 * one server at a time (`once`). Each reminder is still claimed by a guarded UPDATE in the unit that
 * enqueues its e-mail (`sendDueReminders`), so even two leaders at once never send one twice.
 */
import type { CoreDeps } from '../context';
import type { JobDef } from '../jobs/job-types';
import type { AppointmentsService } from './appointments-service';
import { startAppointmentScheduler } from './appointment-scheduler';

export const appointmentSchedulerJob: JobDef<{ deps: CoreDeps; services: { appointments: AppointmentsService } }> = {
  name: 'appointment-scheduler',
  runs: 'once',
  start({ core, onError }) {
    const scheduler = startAppointmentScheduler(core.deps, core.services.appointments, {
      onError: (error) => onError('appointment-scheduler', error),
    });
    return {
      stop: () => scheduler.stop(),
    };
  },
};
