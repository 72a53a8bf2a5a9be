// Shared by build-host.mjs, sim.mjs and fuzz.mjs: configure + build the firmware with CMake, quietly,
// under a lock so that concurrent callers (parallel tests each starting a sim) do not race in one tree.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HW = join(dirname(fileURLToPath(import.meta.url)), '..');
export const FW = join(HW, 'firmware');
export const BUILD = join(FW, 'build');
export const HOST_BUILD = join(BUILD, 'host');
export const SIM_BIN = join(HOST_BUILD, 'robot-sim');
export const VECTORS = join(HW, 'protocol', 'golden', 'vectors.json');

export class StepError extends Error {
  constructor(step, output) {
    super(`${step} failed`);
    this.code = 'BUILD_STEP_FAILED';
    this.output = output;
  }
}

export function run(step, cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.error || r.status !== 0)
    throw new StepError(`${step} (${cmd} ${args.join(' ')})`, output || String(r.error));
  return output;
}

export function which(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Runs fn while holding a directory lock under build/. */
export function withLock(fn) {
  mkdirSync(BUILD, { recursive: true });
  const lock = join(BUILD, '.lock');
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      let owner = 0;
      try {
        owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      } catch {
        /* being created or removed right now */
      }
      if (owner && !pidAlive(owner)) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline)
        throw new StepError('waiting for the build lock', `lock held by pid ${owner}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Configures (first time) and builds the host tree; writes the golden vectors. Returns step names. */
export function buildHost() {
  if (!existsSync(join(HOST_BUILD, 'build.ninja')) && !existsSync(join(HOST_BUILD, 'Makefile'))) {
    const gen = which('ninja') ? ['-G', 'Ninja'] : [];
    run('configure host', 'cmake', ['-S', FW, '-B', HOST_BUILD, ...gen, '-DCMAKE_BUILD_TYPE=RelWithDebInfo']);
  }
  run('build host', 'cmake', ['--build', HOST_BUILD, '--parallel', '2']);
  run('golden vectors', join(HOST_BUILD, 'golden'), ['--out', VECTORS]);
}

/**
 * Cross-compiles one MCU image when its compiler exists. Returns {flash, ram} in bytes, or null when the
 * toolchain is missing.
 */
function buildMcu({ name, compiler, toolchain, source, elf, size }) {
  if (!which(compiler)) return null;
  const dir = join(BUILD, name);
  if (!existsSync(join(dir, 'build.ninja')) && !existsSync(join(dir, 'Makefile'))) {
    const gen = which('ninja') ? ['-G', 'Ninja'] : [];
    run(`configure ${name}`, 'cmake', [
      '-S',
      join(FW, 'mcu', source),
      '-B',
      dir,
      ...gen,
      `-DCMAKE_TOOLCHAIN_FILE=${join(FW, 'cmake', toolchain)}`,
      '-DCMAKE_BUILD_TYPE=MinSizeRel',
    ]);
  }
  run(`build ${name}`, 'cmake', ['--build', dir, '--parallel', '2']);
  const out = run(`size ${name}`, size, [join(dir, elf)]);
  const [text, data, bss] = out.trim().split('\n')[1].trim().split(/\s+/).map(Number);
  return { flash: text + data, ram: data + bss };
}

export const MCUS = [
  {
    name: 'stm32',
    label: 'stm32f411',
    compiler: 'arm-none-eabi-g++',
    toolchain: 'arm-none-eabi.cmake',
    source: 'stm32f4',
    elf: 'robot-base-stm32f4.elf',
    size: 'arm-none-eabi-size',
  },
  {
    name: 'avr',
    label: 'atmega2560',
    compiler: 'avr-g++',
    toolchain: 'avr.cmake',
    source: 'avr',
    elf: 'robot-base-avr.elf',
    size: 'avr-size',
  },
];

/** Builds every MCU image whose toolchain is installed; one summary string per target. */
export function buildMcus() {
  return MCUS.map((m) => {
    const r = buildMcu(m);
    return r ? `${m.label} ok (flash ${r.flash} B, ram ${r.ram} B)` : `${m.label} skipped (no ${m.compiler})`;
  });
}
