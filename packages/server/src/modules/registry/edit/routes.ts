import { FamilyDetailQuery, FamilyEditBody, FamilyEditResult, MemberAddBody, MemberEditBody, MemberEditResult, MemberEndBody, MemberMoveBody, Uuid } from '@sinergi/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { editFamily } from './family-edit.ts';
import { registryContext } from './guards.ts';
import { editMemberFromView } from './member-edit.ts';
import { addMember, endMember, moveMember } from './membership.ts';

const tags = ['registry'];
const params = z.object({ id: Uuid });
const VERSION_NOTE = 'Send the version you loaded; 409 conflict (details.current = the record now) when someone saved it meanwhile.';

/** Edits of families and members in the user's region scope, each with its change history and audit row. */
export const registryEditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.patch(
    '/families/:id',
    {
      config: { access: 'registry.write' },
      schema: { tags, summary: `Change a family's fields. ${VERSION_NOTE}`, params, body: FamilyEditBody, response: { 200: FamilyEditResult } },
    },
    async (request) => editFamily(registryContext(app, request), request.params.id, request.body),
  );

  app.patch(
    '/members/:id',
    {
      config: { access: 'registry.write' },
      schema: {
        tags,
        summary: `Change a member's fields. ${VERSION_NOTE} Specific personal data (disabilities, chronicIllness, specialStatus, ppks) only with ?unmask=true (400 specific_data_masked otherwise); the answer is masked unless ?unmask=true (audited).`,
        params,
        querystring: FamilyDetailQuery,
        body: MemberEditBody,
        response: { 200: MemberEditResult },
      },
    },
    async (request) => editMemberFromView(registryContext(app, request), request.params.id, request.body, request.query.unmask),
  );

  app.post(
    '/families/:id/members',
    {
      config: { access: 'registry.write' },
      schema: { tags, summary: 'Add a person to a family card (NIK new to the registry; 409 duplicate otherwise)', params, body: MemberAddBody, response: { 201: MemberEditResult } },
    },
    async (request, reply) => reply.status(201).send(await addMember(registryContext(app, request), request.params.id, request.body)),
  );

  app.post(
    '/members/:id/move',
    {
      config: { access: 'registry.write' },
      schema: { tags, summary: `Move a member to another family card, keeping the membership history. ${VERSION_NOTE}`, params, body: MemberMoveBody, response: { 200: MemberEditResult } },
    },
    async (request) => moveMember(registryContext(app, request), request.params.id, request.body),
  );

  app.post(
    '/members/:id/end',
    {
      config: { access: 'registry.write' },
      schema: { tags, summary: `Record that a member died or left the family (the membership ends with that reason). ${VERSION_NOTE}`, params, body: MemberEndBody, response: { 200: MemberEditResult } },
    },
    async (request) => endMember(registryContext(app, request), request.params.id, request.body),
  );
};
