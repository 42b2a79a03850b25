import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import request from 'supertest';

import type { ProposalResponse } from '../../apps/api/src/determination/dto/proposal.response';
import type { RuleSetListResponse } from '../../apps/api/src/determination/dto/ruleset.response';
import { buildReportFromRepository, REPORT_PATH } from '../../scripts/determination-report';
import { startApps, type RunningApps } from '../support/apps';

describe('determination API', () => {
  let apps: RunningApps;

  beforeAll(async () => {
    apps = await startApps();
  });

  afterAll(async () => {
    await apps.close();
  });

  const propose = (body: object, language?: string) => {
    const call = request(apps.api.getHttpServer()).post('/determination/proposals');
    return (language ? call.set('Accept-Language', language) : call).send(body);
  };

  it('serves the catalogue of every edition', async () => {
    const response = await request(apps.api.getHttpServer()).get('/determination/rulesets');

    expect(response.status).toBe(200);
    const body = response.body as RuleSetListResponse;
    expect(body.items.map((item) => item.edition)).toEqual(['GA 653-2006', 'GB 35181-2017', 'GB 35181-2025']);
    const [ga653, gb2017, gb2025] = body.items;
    expect(ga653?.effectiveUntil).toBe('2018-06-30');
    expect(gb2017?.effectiveFrom).toBe('2018-07-01');
    expect(gb2017?.effectiveUntil).toBe('2025-10-31');
    expect(gb2017?.elements).toHaveLength(49);
    const sprinklers = gb2017?.elements.find((element) => element.clause === '6.6');
    expect(sprinklers?.kind).toBe('direct');
    expect(sprinklers?.verified).toBe(true);
    expect(sprinklers?.text.zh).toContain('自动喷水灭火系统');
    const fuelGas = gb2017?.elements.find((element) => element.clause === '7.9.3');
    expect(fuelGas?.verified).toBe(false);
    expect(fuelGas?.note?.en).toContain('crowded-place counting subset');
    expect(gb2017?.countingRules.map((rule) => [rule.clause, rule.threshold])).toEqual([
      ['5.3.3 a)', 3],
      ['5.3.3 b)', 3],
      ['5.3.3 c)', 4],
      ['5.3.3 d)', 6],
    ]);
    expect(gb2017?.exclusions.map((exclusion) => exclusion.clause)).toEqual(['5.1.3 a)', '5.1.3 b)', '5.1.3 c)']);
    const crowded = gb2017?.categories.find((category) => category.id === 'crowded_place');
    expect(crowded?.placeTypes).toContain('hotel');
    expect(gb2017?.undecidedPlaceTypes).toContain('factory');
    expect(gb2025?.elements).toEqual([]);
    expect(gb2025?.missingElements.map((missing) => [missing.chapter, missing.count])).toEqual([
      ['5', 30],
      ['6', 35],
    ]);
    expect(gb2025?.countingRules[0]?.verified).toBe(false);
  });

  it('proposes a major hazard by the comprehensive method', async () => {
    const response = await propose({
      inspectedOn: '2024-05-06',
      placeCategory: 'crowded_place',
      elements: [
        { clause: '7.4.3', evidence: '室内消火栓无水' },
        { clause: '7.4.6', evidence: '湿式报警阀组关闭' },
        { clause: '7.7.2', evidence: '火灾报警控制器故障' },
        { clause: '7.7.3' },
      ],
      exclusions: [
        { id: 'expert_review_measures_taken', applies: false },
        { id: 'stopped_operating', applies: false },
        { id: 'not_serious', applies: false },
      ],
    });

    expect(response.status).toBe(200);
    expect(response.body.edition).toBe('GB 35181-2017');
    expect(response.body.outcome).toBe('major');
    expect(response.body.method).toBe('comprehensive');
    expect(response.body.count).toBe(4);
    expect(response.body.threshold).toBe(4);
    expect(response.body.rule.clause).toBe('5.3.3 c)');
    expect(response.body.explanation).toContain('第 5.3.3 条 c) 项');
    expect(response.body.explanation).toContain('综合判定为重大火灾隐患');
    expect((response.body as ProposalResponse).unverified.map((mark) => mark.ref)).toEqual(['7.4.3', '7.7.3']);
    expect(response.body.unverified[0].note).toContain('未经标准原文核实');
    expect(response.body.elements[0]).toEqual({
      clause: '7.4.3',
      kind: 'comprehensive',
      text: '未按规定设置室内消火栓系统，或已设置但不符合规定或不能正常使用',
      verified: false,
      evidence: '室内消火栓无水',
    });
  });

  it('proposes not major below the threshold', async () => {
    const response = await propose({
      inspectedOn: '2024-05-06',
      placeType: 'hotel',
      elements: [{ clause: '7.4.6' }, { clause: '7.7.2' }, { clause: '7.3.2' }],
    });

    expect(response.status).toBe(200);
    expect(response.body.outcome).toBe('not_major');
    expect(response.body.placeCategory).toBe('crowded_place');
    expect(response.body.placeCategorySource).toBe('place_type');
    expect(response.body.count).toBe(3);
    expect(response.body.threshold).toBe(4);
    expect(response.body.explanation).toContain('建议不判定为重大火灾隐患');
  });

  it('explains in English when the client prefers it', async () => {
    const response = await propose(
      { inspectedOn: '2024-05-06', placeCategory: 'crowded_place', elements: [{ clause: '6.6' }] },
      'en-GB,en;q=0.9,zh;q=0.5',
    );

    expect(response.status).toBe(200);
    expect(response.body.outcome).toBe('major');
    expect(response.body.method).toBe('direct');
    expect(response.body.explanation).toMatch(/^Under GB 35181-2017 \(Determination method for major fire hazards\)/);
    expect(response.body.explanation).toContain('Any one direct element makes a major fire hazard (§5.2.2).');
    expect(response.body.exclusions[1].text).toBe('The unit or place has stopped production, business or use');
  });

  it('answers that a GB 35181-2025 element is not in the catalogue', async () => {
    const response = await propose({ inspectedOn: '2025-11-01', placeType: 'hotel', elements: [{ clause: '5.4' }] });

    expect(response.status).toBe(200);
    expect(response.body.edition).toBe('GB 35181-2025');
    expect(response.body.outcome).toBe('undetermined');
    expect(response.body.undeterminedReason).toBe('elements_not_in_catalogue');
    expect(response.body.elements).toEqual([
      { clause: '5.4', kind: 'not_in_catalogue', text: null, verified: false, evidence: null },
    ]);
  });

  it('says no edition applies before GA 653-2006', async () => {
    const response = await propose({ inspectedOn: '2003-12-30', placeCategory: 'crowded_place', elements: [] });

    expect(response.status).toBe(200);
    expect(response.body.edition).toBeNull();
    expect(response.body.undeterminedReason).toBe('no_edition_in_force');
  });

  it('names an unknown clause and the edition', async () => {
    const response = await propose({
      inspectedOn: '2024-05-06',
      placeCategory: 'crowded_place',
      elements: [{ clause: '7.3.3' }, { clause: '9.9' }],
    });

    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe('invalid_request');
    expect(response.body.errors).toEqual([
      {
        field: 'elements[1].clause',
        message:
          '9.9 不是 GB 35181-2017 的判定要素条号（该版本的要素在第 6, 7 章）；请按 GET /determination/rulesets 列出的条号填写',
      },
    ]);
  });

  it('names a date that does not exist', async () => {
    const response = await propose({ inspectedOn: '2024-02-30', placeCategory: 'crowded_place', elements: [] }, 'en');

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      {
        field: 'inspectedOn',
        message: 'must be a real calendar date in the form YYYY-MM-DD, for example 2025-09-26',
      },
    ]);
  });

  it('names an unknown category with the values allowed', async () => {
    const response = await propose({ inspectedOn: '2024-05-06', placeCategory: 'stadium', elements: [] }, 'en');

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      {
        field: 'placeCategory',
        message:
          'stadium is not a place category of GB 35181-2017; send one of: crowded_place, flammable_goods_place, important_place, other_place',
      },
    ]);
  });

  it('asks for the category when the place type does not decide it', async () => {
    const response = await propose({ inspectedOn: '2024-05-06', placeType: 'factory', elements: [] }, 'en');

    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('placeType');
    expect(response.body.errors[0].message).toContain('send placeCategory');
  });

  it('rejects malformed elements and exclusions', async () => {
    const response = await propose(
      {
        inspectedOn: '2024-05-06',
        placeCategory: 'crowded_place',
        elements: ['6.6'],
        exclusions: [{ id: 'not_serious', applies: 'no' }],
      },
      'en',
    );

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { field: 'elements[0]', message: 'must be a JSON object' },
      { field: 'exclusions[0].applies', message: 'must be true or false' },
    ]);
  });
});

describe('real-data determination report', () => {
  it('matches what the script generates', () => {
    const committed = readFileSync(join(__dirname, '..', '..', REPORT_PATH), 'utf8');

    expect(buildReportFromRepository()).toBe(committed);
  });
});
