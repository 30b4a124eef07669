import { IsIn } from 'class-validator';
import { setup } from 'xstate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CaseHistoryQuery, ProjectionRunner, type HistoryPage } from '@app/projections';
import {
  withFollowUp,
  Label,
  Personal,
  Text,
  ROLE_LABELS,
  TOOLBOX_EFFECTS,
  defineEffect,
  intentActions,
  stateMeta as meta,
  type ProcessDefinition,
  type ProcessEvent,
  type Role,
} from '@app/engine';
import { toBpmnXml } from '@app/workflow';
import { bpmnLintFailures } from '@app/workflow/testing/bpmn-lint';
import { EngineHarness } from '@app/engine/testing/engine-harness';
import { startReadModels } from '@app/projections/testing/read-models-module';
import { PROCESS_DEFINITIONS } from '@app/processes';
import { QueryBus } from '@nestjs/cqrs';
import type { TestingModule } from '@nestjs/testing';

/**
 * What it takes to extend the toolbox, done here without touching a
 * product file (ADR 0016 counts the files the same change touches in the
 * product): a new cross-process effect, "hand follow-up over to a role",
 * and a seventh process that records it and escalates like the six do.
 */
const followUpHandedOver = defineEffect<{ instanceId: string; to: Role; note: unknown }>({
  event: 'FollowUpHandedOver',
  intents: {
    handOverFollowUp: (params: { to: Role; note: unknown }, { instanceId }) => ({ instanceId, ...params }),
  },
  evolve: (data, since, state) => ({
    followUps: withFollowUp(state, {
      instanceId: data.instanceId,
      role: data.to,
      since,
      reason: 'Överlämnad',
      escalated: false,
    }),
  }),
  label: (data) => `Uppföljningen överlämnad till ${data.to === 'mentor' ? 'mentorn' : data.to}`,
  personal: ['note'],
});
const effects = TOOLBOX_EFFECTS.with(followUpHandedOver);

class MentorAssigned {
  @Label('Mentor') @IsIn(['mentor']) to!: string;
  @Label('Överlämning') @Text() @Personal() note!: string;
}

const arbetstraning: ProcessDefinition = {
  id: 'arbetstraning-mentor',
  version: 1,
  title: 'Arbetsträning med mentor',
  description: 'En sjunde process, bara i det här testet.',
  startLanes: ['socialsekreterare'],
  machine: setup({
    types: { events: {} as ProcessEvent },
    actions: { ...intentActions, handOverFollowUp: () => undefined },
    delays: { checkIn: 0 },
  }).createMachine({
    id: 'arbetstraning-mentor',
    initial: 'placering',
    states: {
      placering: {
        meta: meta({ kind: 'userTask', lane: 'socialsekreterare', title: 'Placering hos mentor' }),
        on: {
          MentorAssigned: {
            target: 'uppfoljning',
            actions: {
              type: 'handOverFollowUp',
              params: ({ event }: { event: ProcessEvent }) => ({
                to: event.payload?.to,
                note: event.payload?.note,
              }),
            },
          },
        },
      },
      uppfoljning: {
        meta: meta({ kind: 'userTask', lane: 'mentor', title: 'Mentorns uppföljning' }),
        initial: 'inTime',
        on: { TrainingCompleted: 'completed' },
        states: {
          inTime: {
            meta: meta({ kind: 'timer', lane: 'mentor', title: 'Uppföljning inom en månad' }),
            after: {
              checkIn: {
                target: 'escalated',
                actions: {
                  type: 'escalateFollowUp',
                  params: { reason: 'Mentorn har inte följt upp arbetsträningen' },
                },
              },
            },
          },
          escalated: {
            meta: meta({ kind: 'userTask', lane: 'bitradande_enhetschef', title: 'Eskalerad uppföljning' }),
          },
        },
      },
      completed: { type: 'final', meta: meta({ kind: 'end', title: 'Arbetsträningen avslutad' }) },
    },
  }),
  events: {
    MentorAssigned: {
      label: 'Lämna över till mentor',
      lanes: ['socialsekreterare'],
      payload: MentorAssigned,
    },
    TrainingCompleted: { label: 'Avsluta arbetsträningen', lanes: ['mentor', 'bitradande_enhetschef'] },
  },
  deadlines: { checkIn: { duration: 'P1M', title: 'Uppföljning inom en månad' } },
};

describe('extending the toolbox: a seventh process and a new cross-process effect', () => {
  const h = new EngineHarness([...PROCESS_DEFINITIONS, arbetstraning], { effects });
  let caseId: string;
  let readModels: TestingModule;

  beforeAll(async () => {
    caseId = await h.openCase();
    await h.run('socialsekreterare', {
      type: 'StartProcess',
      caseId,
      instanceId: 'mentor-1',
      definitionId: arbetstraning.id,
    });
    await h.run('socialsekreterare', {
      type: 'StartProcess',
      caseId,
      instanceId: 'samverkan-1',
      definitionId: 'samverkan-varden',
    });
    await h.send('socialsekreterare', caseId, 'mentor-1', 'MentorAssigned', {
      to: 'mentor',
      note: 'Tmentorn känner arbetsplatsen',
    });
    readModels = await startReadModels(h.store, { filename: ':memory:', effects }, h.registry);
  });
  afterAll(() => readModels?.close());

  it('records the effect as its own event, sealed where it says it is personal', async () => {
    const events = await h.events(caseId);
    const handedOver = events.find((e) => e.type === 'FollowUpHandedOver');
    expect(handedOver?.data).toMatchObject({ instanceId: 'mentor-1', to: 'mentor' });
    expect(JSON.stringify(handedOver?.data)).not.toContain('känner arbetsplatsen');
  });

  it('changes the case every process sees: the follow-up owner is the mentor', async () => {
    const state = await h.engine.load(caseId);
    expect(state.followUps.get('mentor-1')).toMatchObject({ role: 'mentor', reason: 'Överlämnad' });
    expect(state.instances.get('samverkan-1')?.snapshot.value).toBe('impuls');
  });

  it('escalates a missed deadline in the seventh process to the biträdande enhetschef, as the six do', async () => {
    const [deadline] = await h.openDeadlines(caseId);
    expect(deadline.name).toBe('checkIn');
    h.now = deadline.dueAt;
    await h.run('system', { type: 'FireDeadline', caseId, deadlineId: deadline.deadlineId });
    const state = await h.engine.load(caseId);
    expect(state.followUps.get('mentor-1')).toMatchObject({ role: 'bitradande_enhetschef', escalated: true });
    expect(state.instances.get('mentor-1')?.snapshot.value).toEqual({ uppfoljning: 'escalated' });
  });

  it('names the effect in the case history with its own Swedish line', async () => {
    const runner = readModels.get(ProjectionRunner);
    // On a shared KurrentDB the read models first scan the server's whole log for this test's prefix.
    await vi.waitFor(async () => expect(await runner.lag(0)).toBe(0), { timeout: 30_000, interval: 100 });
    const page = (await readModels.get(QueryBus).execute(new CaseHistoryQuery(caseId, {}))) as HistoryPage;
    const labels = page.entries.map((e) => e.label);
    expect(labels).toContain('Uppföljningen överlämnad till mentorn');
    expect(labels).toContain('Lämna över till mentor');
  });

  it('exports the seventh process as BPMN that passes bpmnlint', async () => {
    expect(await bpmnLintFailures(toBpmnXml(arbetstraning, ROLE_LABELS))).toEqual([]);
  });
});
