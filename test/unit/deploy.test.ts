// The container image, docker-compose.yml and the Helm chart (issue 17). No Docker engine or helm runs here: these
// tests read the files and check what can be checked without them — the Dockerfile's stages and runtime settings,
// that the image's health check works against a gateway-like server, that compose builds the image, and that the
// chart's templates only use helpers and values that exist.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import YAML from 'yaml';
import { loadConfig } from '../../src/config';
import { NAMEN, metriekNamen } from '../../src/metrics/metrics';

const WORTEL = join(__dirname, '..', '..');
const lees = (...pad: string[]) => readFileSync(join(WORTEL, ...pad), 'utf8');

/** Dockerfile instructions (continuation lines joined, comments dropped), split into stages at FROM. */
function stages(tekst: string): { from: string; instructies: { op: string; arg: string }[] }[] {
  const regels = tekst.replace(/\\\n/g, ' ').split('\n').map((r) => r.trim()).filter((r) => r && !r.startsWith('#'));
  const uit: { from: string; instructies: { op: string; arg: string }[] }[] = [];
  for (const r of regels) {
    const [, op, arg] = /^(\S+)\s*(.*)$/.exec(r)!;
    if (op.toUpperCase() === 'FROM') uit.push({ from: arg, instructies: [] });
    else if (uit.length) uit[uit.length - 1].instructies.push({ op: op.toUpperCase(), arg });
  }
  return uit;
}

describe('Dockerfile', () => {
  const [build, runtime, ...meer] = stages(lees('Dockerfile'));
  const alle = (s: typeof build, op: string) => s.instructies.filter((i) => i.op === op).map((i) => i.arg);
  const env = Object.fromEntries(alle(runtime, 'ENV').flatMap((a) => [...a.matchAll(/(\w+)=(\S*)/g)].map((m) => [m[1], m[2]])));

  it('two stages on one Node LTS: the full image builds, the slim one runs', () => {
    expect(meer).toEqual([]);
    expect(build.from).toMatch(/^node:\$\{NODE_VERSION\}-bookworm AS build$/);
    expect(runtime.from).toMatch(/^node:\$\{NODE_VERSION\}-bookworm-slim AS runtime$/);
    expect(lees('Dockerfile')).toMatch(/^ARG NODE_VERSION=(22|24)$/m);
  });

  it('the build stage installs, builds better-sqlite3 and the code, and drops the dev dependencies', () => {
    const run = alle(build, 'RUN').join(' && ');
    expect(run).toMatch(/npm ci/);
    expect(run).toMatch(/npm rebuild better-sqlite3/);
    expect(run).toMatch(/npm run build/);
    expect(run).toMatch(/npm prune --omit=dev/);
    // package.json approves better-sqlite3's install script (npm 11's allowScripts): that is the one rebuilt.
    expect(JSON.parse(lees('package.json')).allowScripts).toEqual({ 'better-sqlite3': true });
  });

  it('the runtime holds what the running gateway reads: package.json, dependencies, dist/, wsdl/, xsd/, config/', () => {
    const kopie = alle(runtime, 'COPY');
    expect(kopie).toEqual(expect.arrayContaining(['package.json ./', '--from=build /app/node_modules ./node_modules', '--from=build /app/dist ./dist', 'wsdl ./wsdl', 'xsd ./xsd', 'config ./config']));
    expect(kopie.some((k) => /\bsrc\b|\btest\b/.test(k))).toBe(false);
    expect(alle(runtime, 'WORKDIR')).toEqual(['/app']); // docker-compose.yml's GATEWAY_CONFIG lies under /app
    for (const map of ['wsdl', 'xsd', 'config']) expect(existsSync(join(WORTEL, map))).toBe(true);
  });

  it('runs as node with /data for SQLite, port 8080, a health check, SIGTERM, and Node itself as the process', () => {
    expect(env).toMatchObject({ PORT: '8080', DATABASE_PATH: '/data/gateway.db' });
    expect(alle(runtime, 'USER')).toEqual(['node']);
    expect(alle(runtime, 'VOLUME')).toEqual(['["/data"]']);
    expect(alle(runtime, 'RUN').join(' ')).toMatch(/chown node:node \/data/);
    expect(alle(runtime, 'EXPOSE')).toEqual(['8080']);
    expect(alle(runtime, 'STOPSIGNAL')).toEqual(['SIGTERM']);
    const cmd = alle(runtime, 'CMD');
    expect(cmd).toHaveLength(1);
    expect(JSON.parse(cmd[0])).toEqual(['node', 'dist/main.js', 'serve']);
    expect(alle(runtime, 'ENTRYPOINT')).toEqual([]);
    expect(lees('Dockerfile')).not.toMatch(/^\s*(CMD|ENTRYPOINT)\b.*npm/m);
    // USER comes after the last RUN that needs root.
    const ops = runtime.instructies.map((i) => i.op);
    expect(ops.lastIndexOf('RUN')).toBeLessThan(ops.indexOf('USER'));
  });

  describe('HEALTHCHECK', () => {
    const hc = alle(runtime, 'HEALTHCHECK');
    const [, opties, exec] = /^(.*?)\s*CMD (\[.*\])$/.exec(hc[0] ?? '') ?? [];
    const programma = exec ? (JSON.parse(exec) as string[]) : [];

    it('one, in exec form, asking /health with node', () => {
      expect(hc).toHaveLength(1);
      expect(opties).toMatch(/--interval=\S+ --timeout=\S+ --start-period=\S+ --retries=\d+/);
      expect(programma.slice(0, 2)).toEqual(['node', '-e']);
      expect(programma[2]).toMatch(/'\/health'/);
    });

    const probeer = async (status: number): Promise<number | null> => {
      const server = createServer((req, res) => {
        res.statusCode = req.url === '/health' ? status : 404;
        res.end('{}');
      });
      await new Promise<void>((klaar) => server.listen(0, '127.0.0.1', klaar));
      try {
        const port = String((server.address() as AddressInfo).port);
        // Asynchronously: the server above answers on this process's event loop.
        return await new Promise((klaar) => execFile(process.execPath, ['-e', programma[2]], { env: { ...process.env, PORT: port }, timeout: 10_000 }, (fout) => klaar(fout ? ((fout as { code?: number }).code ?? null) : 0)));
      } finally {
        await new Promise((klaar) => server.close(klaar));
      }
    };

    it('healthy on 200 over plain HTTP, unhealthy on 503 and when nothing listens', async () => {
      expect(await probeer(200)).toBe(0);
      expect(await probeer(503)).toBe(1);
      const niemand = spawnSync(process.execPath, ['-e', programma[2]], { env: { ...process.env, PORT: '1' }, timeout: 10_000 });
      expect(niemand.status).toBe(1);
    });
  });
});

describe('.dockerignore', () => {
  const regels = lees('.dockerignore').split('\n').map((r) => r.trim()).filter((r) => r && !r.startsWith('#'));

  it('leaves out host dependencies, build output, databases, keys and secrets', () => {
    expect(regels).toEqual(expect.arrayContaining(['node_modules', 'dist', 'data', '.git', 'tls', '.env', '*.db', 'test-output', 'bench-results']));
  });

  it('keeps what the build copies', () => {
    for (const nodig of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'src', 'wsdl', 'xsd', 'config']) {
      expect(regels).not.toContain(nodig);
      expect(regels.filter((r) => r.startsWith('!'))).toEqual([]);
    }
  });
});

describe('docker-compose.yml', () => {
  const compose = YAML.parse(lees('docker-compose.yml'), { merge: true });

  it.each(['gateway', 'gateway-postgres'])('%s builds the image and runs it without the source or npm', (naam) => {
    const s = compose.services[naam];
    expect(s.build).toMatchObject({ context: '.' });
    expect(s.command).toBeUndefined();
    expect(s.entrypoint).toBeUndefined();
    expect(JSON.stringify(s)).not.toMatch(/npm|node:20/);
    expect((s.volumes as string[]).filter((v) => /^\.:|^\.\/?:|\/app\b/.test(v))).toEqual([]);
    expect(s.healthcheck.test[0]).toBe('CMD');
    expect(s.healthcheck.test.join(' ')).toMatch(/require\('https'\).*'\/health'.*rejectUnauthorized:false/);
    // The example configuration it names is in the image (config/ is copied to /app/config).
    expect(existsSync(s.environment.GATEWAY_CONFIG.replace(/^\/app/, WORTEL))).toBe(true);
  });

  it('the SQLite gateway keeps its database in the volume at the image\'s /data', () => {
    expect(compose.services.gateway.environment.DATABASE_PATH).toBe('/data/gateway.db');
    expect(compose.services.gateway.volumes).toContain('gateway-data:/data');
  });
});

describe('the image\'s environment beside the chart\'s', () => {
  it('DATABASE_URL (postgres) wins over the image\'s DATABASE_PATH', () => {
    const c = loadConfig({ PORT: '8080', HOST: '0.0.0.0', DATABASE_PATH: '/data/gateway.db', DATABASE_URL: 'postgres://gw:geheim@db:5432/zaken' });
    expect(c.database.url).toBe('postgres://gw:geheim@db:5432/zaken');
  });
});

describe('package.json', () => {
  const scripts = JSON.parse(lees('package.json')).scripts as Record<string, string>;
  it('builds once at install (prepare), and npm start runs the compiled code without building', () => {
    expect(scripts.prepare).toBe('npm run build');
    expect(scripts.prestart).toBeUndefined();
    expect(scripts.start).toBe('node dist/main.js serve');
  });
});

describe('Helm chart deploy/helm/zds-gateway', () => {
  const map = join(WORTEL, 'deploy', 'helm', 'zds-gateway');
  const chart = YAML.parse(readFileSync(join(map, 'Chart.yaml'), 'utf8'));
  const values = YAML.parse(readFileSync(join(map, 'values.yaml'), 'utf8'));
  const templates = ['_helpers.tpl', 'deployment.yaml', 'service.yaml', 'secret.yaml', 'pvc.yaml'];
  const tekst = Object.fromEntries(templates.map((t) => [t, existsSync(join(map, 'templates', t)) ? readFileSync(join(map, 'templates', t), 'utf8') : '']));

  it('a v2 application chart whose appVersion is the package\'s version', () => {
    expect(chart).toMatchObject({ apiVersion: 'v2', name: 'zds-gateway', type: 'application' });
    expect(chart.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(chart.appVersion).toBe(JSON.parse(lees('package.json')).version);
  });

  it('has every template, and no other', () => {
    expect(readdirSync(join(map, 'templates')).sort()).toEqual([...templates].sort());
  });

  it('templates: actions closed, helpers defined, every .Values path present in values.yaml', () => {
    const gedefinieerd = new Set([...tekst['_helpers.tpl'].matchAll(/\{\{-?\s*define "([^"]+)"/g)].map((m) => m[1]));
    for (const [naam, t] of Object.entries(tekst)) {
      expect([naam, (t.match(/\{\{/g) ?? []).length]).toEqual([naam, (t.match(/\}\}/g) ?? []).length]);
      for (const m of t.matchAll(/include "([^"]+)"/g)) expect([naam, gedefinieerd.has(m[1])]).toEqual([naam, true]);
      for (const m of t.matchAll(/\.Values((?:\.\w+)+)/g)) {
        const pad = m[1].slice(1).split('.');
        let v: unknown = values;
        for (const k of pad) v = v !== null && typeof v === 'object' && k in v ? (v as Record<string, unknown>)[k] : undefined;
        expect([naam, m[0], v !== undefined]).toEqual([naam, m[0], true]);
      }
    }
  });

  it('values: SQLite by default on a volume, PostgreSQL by a Secret; non-root; 30 s to stop', () => {
    expect(values.database.soort).toBe('sqlite');
    expect(values.database.postgres).toMatchObject({ urlSecret: '', urlSleutel: 'url' });
    expect(values.podSecurityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000, fsGroup: 1000 });
    expect(values.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true });
    expect(values.terminationGracePeriodSeconds).toBe(30);
    expect(values.probes.liveness.path).toBe('/health/live');
    expect(values.probes.readiness.path).toBe('/health/ready');
    expect(values.resources.requests).toBeDefined();
  });

  it('the Deployment: one replica and Recreate on SQLite, the URL from a Secret, config mounted for GATEWAY_CONFIG', () => {
    const d = tekst['deployment.yaml'];
    expect(d).toMatch(/replicas: \{\{ ternary 1 \.Values\.replicaCount/);
    expect(d).toMatch(/type: \{\{ ternary "Recreate" "RollingUpdate"/);
    expect(d).toMatch(/name: DATABASE_URL\s+valueFrom:\s+secretKeyRef:/);
    expect(d).toMatch(/name: GATEWAY_CONFIG\s+value: \{\{ \.Values\.config\.path/);
    expect(d).toMatch(/mountPath: \/data/);
    expect(d).toMatch(/livenessProbe:[\s\S]*readinessProbe:/);
    expect(d).toMatch(/terminationGracePeriodSeconds: \{\{ \.Values\.terminationGracePeriodSeconds \}\}/);
    expect(tekst['service.yaml']).toMatch(/targetPort: soap/);
  });

  it('the pod template carries the Prometheus scrape annotations for /metrics, which podAnnotations may override', () => {
    const d = tekst['deployment.yaml'];
    expect(d).toMatch(/dict "prometheus\.io\/scrape" "true" "prometheus\.io\/path" "\/metrics" "prometheus\.io\/port" "8080" "prometheus\.io\/scheme" \(lower \.Values\.probes\.scheme\)/);
    expect(d).toMatch(/toYaml \(merge \(deepCopy \.Values\.podAnnotations\) \$prometheus\) \| nindent 8/);
    expect(d).toMatch(/containerPort: 8080/);
  });
});

describe('Grafana dashboard deploy/grafana/zds-gateway.json', () => {
  type Paneel = { type: string; title: string; datasource?: { uid: string }; targets?: { expr: string; datasource?: { uid: string } }[] };
  const dashboard = JSON.parse(lees('deploy', 'grafana', 'zds-gateway.json')) as { uid: string; panels: Paneel[]; templating: { list: { name: string; type: string; query: unknown }[] } };
  const panelen = dashboard.panels.filter((p) => p.type !== 'row');
  const expressies = panelen.flatMap((p) => (p.targets ?? []).map((t) => t.expr));
  const genoemd = new Set(expressies.flatMap((e) => e.match(/\b(?:zds|nodejs|process)_\w+/g) ?? []));

  it('chooses its Prometheus by a datasource variable, in every panel and query', () => {
    expect(dashboard.uid).toBe('zds-gateway');
    expect(dashboard.templating.list.find((v) => v.name === 'datasource')).toMatchObject({ type: 'datasource', query: 'prometheus' });
    for (const p of panelen) {
      expect([p.title, p.datasource?.uid]).toEqual([p.title, '${datasource}']);
      for (const t of p.targets ?? []) expect([p.title, t.datasource?.uid]).toEqual([p.title, '${datasource}']);
    }
    expect(expressies.length).toBeGreaterThan(10);
  });

  it('names only metrics the gateway registers (a histogram by its _bucket, _sum and _count series)', () => {
    const bekend = new Set(metriekNamen());
    const basis = (n: string) => (bekend.has(n) ? n : n.replace(/_(bucket|sum|count)$/, ''));
    expect([...genoemd].filter((n) => !bekend.has(basis(n)))).toEqual([]);
  });

  it('shows every metric of src/metrics, and the event-loop delay', () => {
    const getoond = new Set([...genoemd].map((n) => n.replace(/_bucket$/, '')));
    expect(Object.values(NAMEN).filter((n) => !getoond.has(n))).toEqual([]);
    expect(getoond.has('nodejs_eventloop_lag_p99_seconds')).toBe(true);
  });
});
