import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { canAdminProvince } from '../auth/policy.js';
import { currentUser } from '../auth/session.js';
import type { UserStore } from '../auth/users.js';
import { NdxpError } from '../core/errors.js';
import { sendError } from '../gateway/http.js';

export const ADMIN_QUEUES_PATH = '/admin/queues';

const EXTERNAL_FONTS = /<link[^>]+https:\/\/fonts\.(?:googleapis|gstatic)\.com[^>]*>/g;

/** bull-board's page links Google Fonts; no external network at run time, so the link goes (system fonts remain). */
function offline(_req: Request, res: Response, next: NextFunction) {
  const send = res.send.bind(res);
  res.send = (body?: unknown) => send(typeof body === 'string' ? body.replace(EXTERNAL_FONTS, '') : body);
  next();
}

/**
 * bull-board over every BullMQ queue the process creates, for the host province's Sở admin only (session cookie or
 * bearer). Deny by default: no session → 401, any other role → 403, before bull-board sees the request.
 */
export function adminQueuesRouter(args: { users: UserStore; hostProvince: string; queues: Queue[] }): Router {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(ADMIN_QUEUES_PATH);
  createBullBoard({
    queues: args.queues.map((q) => new BullMQAdapter(q, { readOnlyMode: false })),
    // @bull-board/express 9.10.1 pins its own @bull-board/api 9.10.1 beside our 9.10.2: same shape, distinct private types.
    serverAdapter: adapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
    options: { uiConfig: { boardTitle: 'NDXP · hàng đợi' } },
  });
  const guard = async (req: Request, res: Response, next: NextFunction) => {
    try {
      const user = await currentUser(args.users, req);
      if (!user) return sendError(res, new NdxpError('UNAUTHENTICATED'), req.requestId);
      if (!canAdminProvince(user, args.hostProvince)) return sendError(res, new NdxpError('FORBIDDEN'), req.requestId);
      next();
    } catch (e) {
      next(e);
    }
  };
  const router = express.Router();
  router.use(ADMIN_QUEUES_PATH, guard, offline, adapter.getRouter() as Router);
  return router;
}
