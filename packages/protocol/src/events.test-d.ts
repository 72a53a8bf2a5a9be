import { describe, expectTypeOf, it } from 'vitest';
import type {
  KioskClientEvents,
  AdminClientEvents,
  DisplayClientEvents,
  DossierStatus,
  ErrorCode,
  GuideAccepted,
  KioskServerEvents,
  MissionReason,
  Result,
  SiteCatalogue,
  StaffClientEvents,
  StaffServerEvents,
} from './index.ts';

describe('event maps', () => {
  it('kiosk site:get takes an empty payload and acks a SiteCatalogue result', () => {
    type Handler = KioskClientEvents['site:get'];
    expectTypeOf<Parameters<Handler>[0]>().toEqualTypeOf<Record<string, never>>();
    expectTypeOf<Parameters<Parameters<Handler>[1]>[0]>().toEqualTypeOf<Result<SiteCatalogue>>();
  });
  it('session:language only accepts known languages', () => {
    type Payload = Parameters<KioskClientEvents['session:language']>[0];
    expectTypeOf<{ language: 'ur' }>().toExtend<Payload>();
    expectTypeOf<{ language: 'fr' }>().not.toExtend<Payload>();
  });
  it('kiosks cannot reload the site; admins can', () => {
    expectTypeOf<KioskClientEvents>().not.toHaveProperty('site:reload');
    expectTypeOf<AdminClientEvents>().toHaveProperty('site:reload');
  });
  it('error codes are a closed union', () => {
    expectTypeOf<'INTERNAL'>().toExtend<ErrorCode>();
    expectTypeOf<'SOMETHING_ELSE'>().not.toExtend<ErrorCode>();
  });
  it('kiosks look up dossiers and call staff; staff acknowledge; displays do neither', () => {
    type Lookup = KioskClientEvents['dossier:status'];
    expectTypeOf<Parameters<Parameters<Lookup>[1]>[0]>().toEqualTypeOf<Result<DossierStatus>>();
    expectTypeOf<{ reason: 'mobility' }>().toExtend<Parameters<KioskClientEvents['staff:call']>[0]>();
    expectTypeOf<{ reason: 'call my cousin' }>().not.toExtend<
      Parameters<KioskClientEvents['staff:call']>[0]
    >();
    expectTypeOf<StaffClientEvents>().toHaveProperty('staff_call:ack');
    expectTypeOf<KioskClientEvents>().not.toHaveProperty('staff_call:ack');
    expectTypeOf<DisplayClientEvents>().not.toHaveProperty('staff:call');
    expectTypeOf<Parameters<KioskServerEvents['staff_call:acknowledged']>[0]>().toEqualTypeOf<{
      call_id: string;
      by: string;
    }>();
    expectTypeOf<StaffServerEvents>().toHaveProperty('staff_call:new');
  });
  it('kiosks ask for guidance to a place id and get a mission id, position and eta', () => {
    type Guide = KioskClientEvents['mission:guide'];
    expectTypeOf<{ place: 'counter_3' }>().toExtend<Parameters<Guide>[0]>();
    expectTypeOf<{ place: { x: number; y: number } }>().not.toExtend<Parameters<Guide>[0]>();
    expectTypeOf<Parameters<Parameters<Guide>[1]>[0]>().toEqualTypeOf<Result<GuideAccepted>>();
    expectTypeOf<KioskServerEvents>().toHaveProperty('mission:update');
  });
  it('only staff move the robot at will', () => {
    expectTypeOf<KioskClientEvents>().not.toHaveProperty('robot:recall');
    expectTypeOf<KioskClientEvents>().not.toHaveProperty('robot:send');
    expectTypeOf<StaffClientEvents>().toHaveProperty('robot:recall');
    expectTypeOf<StaffClientEvents>().toHaveProperty('mission:list');
  });
  it('mission reasons are a closed union', () => {
    expectTypeOf<'blocked'>().toExtend<MissionReason>();
    expectTypeOf<'unknown'>().not.toExtend<MissionReason>();
  });
});
