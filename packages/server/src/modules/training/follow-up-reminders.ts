import type { FastifyInstance } from 'fastify';
import { jurisdictionToday } from '../programs/context.ts';
import { notifyDueFollowUps } from './follow-up-service.ts';

export const FOLLOW_UP_REMINDER_INTERVAL_MS = 60 * 60 * 1000;

/** Sends the owner agencies' reminders of newly due follow-ups once; a failure is logged, never thrown. */
export async function remindDueFollowUps(app: FastifyInstance): Promise<number> {
  try {
    const sent = await notifyDueFollowUps(app.database.db, jurisdictionToday(app.config.jurisdiction));
    if (sent) app.log.info({ sent }, 'training follow-up reminders sent');
    return sent;
  } catch (error) {
    app.log.error({ err: error }, 'sending training follow-up reminders failed');
    return 0;
  }
}

/** Reminds of due follow-ups when the server starts and then hourly, whether or not anyone opens the list. */
export function scheduleFollowUpReminders(app: FastifyInstance): void {
  let timer: NodeJS.Timeout | null = null;
  app.addHook('onReady', async () => {
    await remindDueFollowUps(app);
    timer = setInterval(() => void remindDueFollowUps(app), FOLLOW_UP_REMINDER_INTERVAL_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });
}
