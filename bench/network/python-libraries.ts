// NetworkX and igraph come from Debian (no pip here). The bench installs them when it runs as
// root and they are missing; otherwise it says how and runs without them.
import { spawnSync } from 'node:child_process';

const PYTHON = '/usr/bin/python3';
const PACKAGES = ['python3-networkx', 'python3-igraph', 'python3-scipy'];

function importsWork(): boolean {
  const check = spawnSync(PYTHON, ['-c', 'import networkx, igraph, scipy'], { stdio: 'ignore' });
  return check.status === 0;
}

export function ensurePythonLibraries(): { available: true } | { available: false; reason: string } {
  if (importsWork()) return { available: true };
  const installHint = `apt-get install -y ${PACKAGES.join(' ')}`;
  if (process.getuid?.() !== 0) {
    process.stderr.write(`NetworkX/igraph missing for ${PYTHON}; install them with: sudo ${installHint}\n`);
    return { available: false, reason: `run: sudo ${installHint}` };
  }
  process.stderr.write(`Installing ${PACKAGES.join(', ')} with apt-get…\n`);
  let install = spawnSync('apt-get', ['install', '-y', ...PACKAGES], { stdio: 'inherit' });
  if (install.status !== 0) {
    spawnSync('apt-get', ['update'], { stdio: 'inherit' });
    install = spawnSync('apt-get', ['install', '-y', ...PACKAGES], { stdio: 'inherit' });
  }
  if (install.status === 0 && importsWork()) return { available: true };
  return { available: false, reason: `apt-get could not install them; try: ${installHint}` };
}
