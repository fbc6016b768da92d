import { readFileSync, writeFileSync } from 'node:fs';
import { decodeText } from '../imports/text-encoding.ts';
import type { Command } from 'commander';
import { findAllies } from '../field/ally-finder.service.ts';
import { fieldAnatomy, resolveOrganization } from '../field/field.service.ts';
import { getPriorities, setPriorities } from '../field/priorities.service.ts';
import { getMap, listMaps } from '../power-maps/power-map.service.ts';
import { tiesCsv, toKumu } from '../ties/network-compute.ts';
import { computeOffThread, loadAllianceNetwork, loadFieldNetwork } from '../ties/network.service.ts';
import { importTies } from '../ties/tie-import.service.ts';
import { asUser } from './as-user.ts';

// `crossroads analyze …`: the map of the field from the command line — the network and its
// brokers, anatomies, gaps and overlaps, allies, priorities, power maps, and ties in and out —
// as the account named by --as, with the web app's permissions. Alliances are named by id,
// name or short name.

const print = (value: unknown, json: boolean | undefined, text: () => string) => console.log(json ? JSON.stringify(value, null, 2) : text());
const list = (value: string | undefined) => (value ? value.split(',').map((s) => s.trim()).filter(Boolean) : []);
const num = (x: number | null, digits = 3) => (x === null ? '-' : x.toFixed(digits));
const counts = (c: Record<string, number>) => Object.entries(c).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ') || '-';

export function registerAnalyzeCommands(program: Command) {
  const analyze = program.command('analyze').description('map the field: networks, anatomies, gaps, overlaps, allies, power maps, ties');

  analyze.command('network [alliance]')
    .description('an alliance\'s field (or, with --field, everything you can see) as a network: brokers, centrality, communities, E-I index')
    .requiredOption('--as <email>', 'the account reading').option('--field', 'the whole field instead of one alliance')
    .option('--stated-only', 'leave out derived ties').option('--top <n>', 'organizations to list', '25').option('--json', 'print JSON')
    .action(async (alliance: string | undefined, o: { as: string; field?: boolean; statedOnly?: boolean; top: string; json?: boolean }) => {
      if (!alliance && !o.field) throw new Error('name an alliance, or use --field');
      const network = await asUser(o.as, async (deps, actor) => {
        const input = o.field ? await loadFieldNetwork(deps.db, actor) : await loadAllianceNetwork(deps.db, actor, (await resolveOrganization(deps.db, actor, alliance!)).id);
        return computeOffThread(input, { derived: !o.statedOnly });
      });
      const a = network.analysis;
      print(network, o.json, () => [
        `${a.nodeCount} organizations, ${a.tieCount} ties, density ${a.density.toFixed(3)}, ${a.communities.length} communities (modularity ${a.modularity.toFixed(3)})`,
        a.betweennessGuarantee ? `betweenness: approximate, within ${a.betweennessGuarantee.epsilon} with probability ${1 - a.betweennessGuarantee.delta} (${a.betweennessGuarantee.samples} samples)` : 'betweenness: exact',
        `E-I index: constituencies ${num(a.eiIndex.constituencies.index, 2)}, issues ${num(a.eiIndex.issues.index, 2)}`,
        '  betweenness  closeness  pagerank  ties  community  organization',
        ...a.nodes.slice(0, Number(o.top)).map((n) => `  ${num(n.betweenness).padStart(11)}  ${num(n.closeness).padStart(9)}  ${num(n.pagerank).padStart(8)}  ${String(n.degree).padStart(4)}  ${String(n.community + 1).padStart(9)}  ${n.name}`),
      ].join('\n'));
    });

  analyze.command('anatomy <alliances...>')
    .description('the anatomy of one or several alliances side by side: members by state, issue, constituency, sector, capacity and scale, and their gaps')
    .requiredOption('--as <email>', 'the account reading').option('--priority <keys>', 'what if these were the priority constituencies (comma-separated)').option('--json', 'print JSON')
    .action(async (names: string[], o: { as: string; priority?: string; json?: boolean }) => {
      const result = await asUser(o.as, async (deps, actor) => {
        const ids = await Promise.all(names.map(async (n) => (await resolveOrganization(deps.db, actor, n)).id));
        return fieldAnatomy(deps.db, actor, ids, list(o.priority));
      });
      print(result.anatomies, o.json, () => result.anatomies.map((a) => [
        `${a.name}: ${a.members} members (${a.profilesNotShared} without a shared profile)`,
        `  states: ${counts(a.byState)}`, `  issues: ${counts(a.byIssue)}`, `  constituencies: ${counts(a.byConstituency)}`,
        `  sectors: ${counts(a.bySector)}`, `  capacities: ${counts(a.byCapacity)}`, `  scale: ${counts(a.byScale)}`,
        `  gaps: capacities no member holds: ${a.gaps.capacities.join(', ') || '-'}`,
        `        states with no member: ${a.gaps.states.length}`,
        `        priority constituencies with few members: ${a.gaps.priorityConstituencies.map((p) => `${p.key} (${p.members})`).join(', ') || '-'}`,
        `        priority states with few members: ${a.gaps.priorityStates.map((p) => `${p.key} (${p.members})`).join(', ') || '-'}`,
      ].join('\n')).join('\n\n'));
    });

  analyze.command('overlaps <alliances...>')
    .description('organizations in more than one of the alliances: the matrix and each combination (UpSet)')
    .requiredOption('--as <email>', 'the account reading').option('--json', 'print JSON')
    .action(async (names: string[], o: { as: string; json?: boolean }) => {
      const { overlaps } = await asUser(o.as, async (deps, actor) => fieldAnatomy(deps.db, actor, await Promise.all(names.map(async (n) => (await resolveOrganization(deps.db, actor, n)).id))));
      const name = new Map(overlaps.alliances.map((a) => [a.id, a.name]));
      print(overlaps, o.json, () => [
        ...overlaps.alliances.map((a, i) => `${a.name}: ${overlaps.matrix[i]!.map((cell) => cell.count).join(' ')}`),
        '', ...overlaps.intersections.map((x) => `${String(x.members.length).padStart(4)}  ${x.alliances.map((id) => name.get(id)).join(' ∩ ')}${x.alliances.length > 1 ? `: ${x.members.map((m) => m.name).join(', ')}` : ''}`),
      ].join('\n'));
    });

  analyze.command('allies <alliance>')
    .description('organizations outside the alliance ranked by fit: gaps filled, issues shared, who can introduce us')
    .requiredOption('--as <email>', 'the account reading').option('--limit <n>', 'how many', '20').option('--json', 'print JSON')
    .action(async (alliance: string, o: { as: string; limit: string; json?: boolean }) => {
      const result = await asUser(o.as, async (deps, actor) => findAllies(deps.db, actor, (await resolveOrganization(deps.db, actor, alliance)).id, [], Number(o.limit)));
      print(result, o.json, () => result.allies.map((a) => [`${String(a.score).padStart(4)}  ${a.name}`,
        ...a.reasons.map((r) => `        +${r.points} ${r.kind}${'key' in r ? ` ${r.key}` : ` (${r.hops} hops)`}`),
        ...(a.introductionPath ? [`        introduction: ${a.introductionPath.map((p) => p.name).join(' -> ')}`] : [])].join('\n')).join('\n'));
    });

  analyze.command('priorities <alliance>')
    .description('the constituencies and states the alliance has chosen to build toward; set them with --constituencies and --states')
    .requiredOption('--as <email>', 'the account').option('--constituencies <keys>', 'comma-separated vocabulary keys').option('--states <fips>', 'comma-separated state FIPS codes').option('--json', 'print JSON')
    .action(async (alliance: string, o: { as: string; constituencies?: string; states?: string; json?: boolean }) => {
      const p = await asUser(o.as, async (deps, actor) => {
        const id = (await resolveOrganization(deps.db, actor, alliance)).id;
        if (o.constituencies === undefined && o.states === undefined) return getPriorities(deps.db, actor, id);
        const now = await getPriorities(deps.db, actor, id);
        return setPriorities(deps.db, actor, id, { constituencies: o.constituencies === undefined ? now.constituencies : list(o.constituencies), stateFips: o.states === undefined ? now.stateFips : list(o.states) });
      });
      print(p, o.json, () => `constituencies: ${p.constituencies.join(', ') || '-'}\nstates: ${p.stateFips.join(', ') || '-'}`);
    });

  analyze.command('power-map <organization> [mapId]')
    .description('an organization\'s power maps, or one map: stakeholders by influence and stance, with their moves')
    .requiredOption('--as <email>', 'the account reading').option('--json', 'print JSON')
    .action(async (organization: string, mapId: string | undefined, o: { as: string; json?: boolean }) => {
      const result = await asUser(o.as, async (deps, actor) => (mapId ? getMap(deps.db, actor, mapId) : listMaps(deps.db, actor, (await resolveOrganization(deps.db, actor, organization)).id)));
      print(result, o.json, () => ('maps' in result ? result.maps.map((m) => `${m.id}  ${m.title}`).join('\n')
        : [`${result.title}`, ...result.stakeholders.map((s) => `  ${String(s.influence).padStart(2)}  ${s.stance.padEnd(18)} ${s.name} (${s.kind}), ${s.moves.length} moves`)].join('\n')));
    });

  analyze.command('ties-import <alliance> <file>')
    .description('import stated ties from CSV (ours, Kumu\'s connections, Spanish headers): a preview, or with --commit the import')
    .requiredOption('--as <email>', 'the account importing').option('--commit', 'write the ties').option('--good-rows', 'with rejected rows, import the good ones anyway').option('--json', 'print JSON')
    .action(async (alliance: string, file: string, o: { as: string; commit?: boolean; goodRows?: boolean; json?: boolean }) => {
      const csv = decodeText(readFileSync(file)).text;
      const r = await asUser(o.as, async (deps, actor) => importTies(deps.db, actor, (await resolveOrganization(deps.db, actor, alliance)).id, csv, { commit: !!o.commit, importGoodRows: !!o.goodRows }));
      print(r, o.json, () => [...r.rows.map((row) => `row ${row.rowNumber}: ${row.status}  ${row.from} — ${row.to} ${row.kind ?? ''}${row.errors.map((e) => `  [${e.field}: ${e.message}]`).join('')}`),
        `${r.committed ? 'imported' : 'preview (nothing written; add --commit)'}: ${Object.entries(r.counts).map(([k, n]) => `${n} ${k}`).join(', ')}`].join('\n'));
    });

  analyze.command('ties-export <alliance>')
    .description('export the alliance\'s network: stated ties as CSV, or everything as Kumu JSON')
    .requiredOption('--as <email>', 'the account reading').option('--format <format>', 'csv | kumu', 'csv').option('-o, --output <file>', 'write to a file')
    .action(async (alliance: string, o: { as: string; format: string; output?: string }) => {
      if (o.format !== 'csv' && o.format !== 'kumu') throw new Error('--format must be csv or kumu');
      const network = await asUser(o.as, async (deps, actor) => computeOffThread(await loadAllianceNetwork(deps.db, actor, (await resolveOrganization(deps.db, actor, alliance)).id), { derived: true }));
      const text = o.format === 'kumu' ? `${JSON.stringify(toKumu(network), null, 2)}\n` : tiesCsv(network.stated);
      if (o.output) writeFileSync(o.output, text); else process.stdout.write(text);
    });
}
