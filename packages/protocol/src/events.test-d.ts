import { describe, expectTypeOf, it } from 'vitest';
import type {
  KioskClientEvents,
  AdminClientEvents,
  Result,
  SiteCatalogue,
  ErrorCode,
  StaffClientEvents,
  KioskServerEvents,
  GuideAccepted,
  MissionReason,
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
