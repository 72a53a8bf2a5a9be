/**
 * The RobotBase contract (testing/robot-base-contract.ts) against every implementation:
 * - SerialRobotBase and the host firmware, through the fault relay on socat pty pairs (real processes,
 *   real ptys; the relay's silence is the pulled cable, the sim's control channel the buttons);
 * - FakeRobotBase, on real time;
 * - SerialRobotBase and a real base when ROBOT_PORT is set (e.g. ROBOT_PORT=/dev/ttyUSB0); motion cases on
 *   real hardware only with ROBOT_ALLOW_MOTION=1.
 * Serial-only behaviour (CRC, framing, resends, replug of the device, schema mismatch) is tested in
 * codec.test.ts, faults.test.ts and serial-robot-base.test.ts.
 */
import pino from 'pino';
import { SerialRobotBase } from './serial-robot-base.ts';
import { FakeRobotBase } from './testing/fake/fake-robot-base.ts';
import { SimulatedBase } from './testing/fake/simulated-base.ts';
import { realTimeClock } from './testing/fake/clock.ts';
import { createLinkRig } from './testing/link-rig.ts';
import { describeRobotBaseContract } from './testing/robot-base-contract.ts';

const logger = pino({ name: 'link-test', level: 'warn' }, pino.destination(2));

describeRobotBaseContract('SerialRobotBase + host firmware over socat pty pairs', async () => {
  const rig = await createLinkRig(logger);
  await rig.base.close();
  const control = async (request: Record<string, unknown>) => {
    const reply = await rig.sim.control(request);
    if (reply.ok !== true)
      throw new Error(`sim control ${JSON.stringify(request)}: ${JSON.stringify(reply)}`);
  };
  return {
    motion: true,
    freshBoot: true,
    newHost: () => new SerialRobotBase({ path: rig.hostPath, logger }),
    pressEstopButton: (pressed) => control({ cmd: 'estop_button', pressed }),
    obstacleAhead: (m) => control({ cmd: 'obstacle', distance_mm: m === null ? null : Math.round(m * 1000) }),
    pullCable: () => {
      rig.relay.set({ silent: true });
      return Promise.resolve(() => {
        rig.relay.set({ silent: false });
        return Promise.resolve();
      });
    },
    reboot: () => control({ cmd: 'reboot' }),
    teardown: () => rig.close(),
  };
});

describeRobotBaseContract('FakeRobotBase', () => {
  const sim = new SimulatedBase(realTimeClock());
  const hook = (f: () => void) => () => {
    f();
    return Promise.resolve();
  };
  return Promise.resolve({
    motion: true,
    freshBoot: true,
    newHost: () => new FakeRobotBase({ sim }),
    pressEstopButton: (pressed) => hook(() => sim.pressEstopButton(pressed))(),
    obstacleAhead: (m) => hook(() => sim.obstacleAhead(m))(),
    pullCable: () => {
      sim.unplug();
      return Promise.resolve(hook(() => sim.plug()));
    },
    reboot: hook(() => sim.reboot()),
    teardown: () => Promise.resolve(),
  });
});

const realPort = process.env.ROBOT_PORT;
if (realPort !== undefined && realPort !== '') {
  describeRobotBaseContract(`SerialRobotBase + real base on ${realPort}`, () =>
    Promise.resolve({
      motion: process.env.ROBOT_ALLOW_MOTION === '1',
      freshBoot: false,
      newHost: () => new SerialRobotBase({ path: realPort, logger }),
      teardown: () => Promise.resolve(),
    }),
  );
}
