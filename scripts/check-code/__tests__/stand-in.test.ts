import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {embed, sample, startStandIn, type StandIn} from '../stand-in-server';

let api: StandIn;
beforeAll(async () => {
  api = await startStandIn();
});
afterAll(() => api.close());

const post = (route: string, body: unknown, key = 'sk-test'): Promise<Response> =>
  fetch(`${api.baseUrl}${route}`, {method: 'POST', headers: {'content-type': 'application/json', ...(key ? {authorization: `Bearer ${key}`} : {})}, body: JSON.stringify(body)});

describe('the stand-in API', () => {
  it('refuses a request without a key, like the real one', async () => {
    expect((await post('/chat/completions', {messages: []}, '')).status).toBe(401);
  });

  it('calls the first tool once with arguments from its schema, then answers', async () => {
    const tools = [{type: 'function', function: {name: 'get_weather', parameters: {type: 'object', properties: {city: {type: 'string'}, days: {type: 'integer'}}, required: ['city']}}}];
    const first = (await (await post('/chat/completions', {model: 'm', tools, messages: [{role: 'user', content: '天气'}]})).json()) as {choices: Array<{finish_reason: string; message: {tool_calls: Array<{function: {name: string; arguments: string}}>}}>};
    expect(first.choices[0].finish_reason).toBe('tool_calls');
    expect(JSON.parse(first.choices[0].message.tool_calls[0].function.arguments)).toEqual({city: '示例', days: 1});
    const second = (await (await post('/chat/completions', {model: 'm', tools, messages: [{role: 'user', content: '天气'}, {role: 'assistant', tool_calls: []}, {role: 'tool', content: '晴'}]})).json()) as {choices: Array<{finish_reason: string}>};
    expect(second.choices[0].finish_reason).toBe('stop');
  });

  it('streams server-sent events ending in [DONE]', async () => {
    const text = await (await post('/chat/completions', {model: 'm', stream: true, messages: [{role: 'user', content: 'hi'}]})).text();
    const events = text.split('\n\n').filter(Boolean);
    expect(events.at(-1)).toBe('data: [DONE]');
    const content = events.slice(0, -1).map((e) => (JSON.parse(e.slice(6)) as {choices: Array<{delta: {content?: string}}>}).choices[0].delta.content ?? '').join('');
    expect(content).toContain('本地替身服务器');
  });

  it('answers structured output with an object of the schema', async () => {
    const schema = {type: 'object', properties: {label: {type: 'string', enum: ['好评', '差评']}, score: {type: 'number'}}, required: ['label', 'score']};
    const body = (await (await post('/chat/completions', {model: 'm', messages: [], response_format: {type: 'json_schema', json_schema: {name: 'x', schema}}})).json()) as {choices: Array<{message: {content: string}}>};
    expect(JSON.parse(body.choices[0].message.content)).toEqual({label: '好评', score: 1.5});
    expect(sample({type: 'array', items: {type: 'boolean'}})).toEqual([true]);
  });

  it('gives unit embeddings that are closer for closer texts', async () => {
    const body = (await (await post('/embeddings', {model: 'e', input: ['报销期限', '报销的期限', '天气很好']})).json()) as {data: Array<{embedding: number[]}>};
    const [a, b, c] = body.data.map((d) => d.embedding);
    const dot = (x: number[], y: number[]): number => x.reduce((s, v, i) => s + v * y[i], 0);
    expect(dot(a, a)).toBeCloseTo(1);
    expect(dot(a, b)).toBeGreaterThan(dot(a, c));
    expect(embed('x')).toHaveLength(64);
  });
});
