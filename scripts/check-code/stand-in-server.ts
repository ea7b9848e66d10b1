/**
 * A local stand-in for an OpenAI-compatible HTTP API on 127.0.0.1, so the book's runnable
 * examples are run in the tests without a network or a key. It speaks the shapes the
 * examples use — chat completions (plain, streamed as server-sent events, with tool calls
 * and structured output), embeddings and responses — and answers deterministically:
 * a tool is called once with arguments made from its JSON Schema, structured output is
 * an object made from the schema, embeddings are hashed character bigrams (so similar
 * texts get similar vectors). A request without a bearer key gets 401, as the real API.
 */
import {createHash} from 'node:crypto';
import http from 'node:http';
import type {AddressInfo} from 'node:net';

type Json = null | boolean | number | string | Json[] | {[key: string]: Json};
type Schema = {type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; items?: Schema; enum?: Json[]; anyOf?: Schema[]; oneOf?: Schema[]};

export interface StandIn {
  baseUrl: string;
  /** Requests seen, as `METHOD path`. */
  requests: string[];
  close(): Promise<void>;
}

const ANSWER = '这是本地替身服务器的回答，用来检查示例代码能否跑通 [1]。';
const EMBEDDING_SIZE = 64;

/** A value that satisfies `schema` (required properties only, first enum value). */
export function sample(schema: Schema | undefined, depth = 0): Json {
  if (!schema || depth > 8) return null;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  const variant = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (variant) return sample(variant, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string': return '示例';
    case 'number': return 1.5;
    case 'integer': return 1;
    case 'boolean': return true;
    case 'array': return [sample(schema.items, depth + 1)];
    case 'null': return null;
    default: {
      const out: Record<string, Json> = {};
      for (const [key, value] of Object.entries(schema.properties ?? {})) out[key] = sample(value, depth + 1);
      return out;
    }
  }
}

/** A unit vector from the text's character bigrams: deterministic, and close for close texts. */
export function embed(text: string): number[] {
  const v = new Array<number>(EMBEDDING_SIZE).fill(0);
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const gram = chars[i] + (chars[i + 1] ?? '');
    const h = createHash('md5').update(gram).digest();
    v[h[0] % EMBEDDING_SIZE] += h[1] % 2 === 0 ? 1 : -1;
  }
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

interface Message {role: string; content?: unknown; tool_calls?: unknown[]}
interface Tool {type?: string; name?: string; parameters?: Schema; function?: {name: string; parameters?: Schema}}

function toolCall(tools: Tool[] | undefined, messages: Message[]): {name: string; args: string} | undefined {
  if (!tools || tools.length === 0) return undefined;
  const lastUser = messages.map((m) => m.role).lastIndexOf('user');
  const answeredSinceUser = messages.slice(lastUser + 1).some((m) => m.role === 'tool' || m.role === 'function');
  if (answeredSinceUser) return undefined;
  const tool = tools[0];
  const name = tool.function?.name ?? tool.name ?? 'tool';
  return {name, args: JSON.stringify(sample(tool.function?.parameters ?? tool.parameters ?? {type: 'object'}))};
}

function structured(format: {type?: string; json_schema?: {schema?: Schema}; schema?: Schema} | undefined): string | undefined {
  if (!format) return undefined;
  if (format.type === 'json_schema') return JSON.stringify(sample(format.json_schema?.schema ?? format.schema ?? {type: 'object'}));
  if (format.type === 'json_object') return JSON.stringify({answer: ANSWER});
  return undefined;
}

function chat(body: Record<string, unknown>, res: http.ServerResponse): void {
  const messages = (body.messages as Message[] | undefined) ?? [];
  const call = toolCall(body.tools as Tool[] | undefined, messages);
  const content = call ? null : structured(body.response_format as never) ?? ANSWER;
  const model = String(body.model ?? 'stand-in');
  const id = 'chatcmpl-standin';
  const usage = {prompt_tokens: 12, completion_tokens: 8, total_tokens: 20};
  const toolCalls = call ? [{id: 'call_1', type: 'function', function: {name: call.name, arguments: call.args}}] : undefined;
  const finish = call ? 'tool_calls' : 'stop';
  if (body.stream) {
    res.writeHead(200, {'content-type': 'text/event-stream'});
    const send = (delta: Record<string, unknown>, finishReason: string | null, extra: Record<string, unknown> = {}): void => {
      res.write(`data: ${JSON.stringify({id, object: 'chat.completion.chunk', model, choices: [{index: 0, delta, finish_reason: finishReason}], ...extra})}\n\n`);
    };
    send({role: 'assistant', content: ''}, null);
    if (toolCalls) send({tool_calls: toolCalls.map((t, index) => ({index, ...t}))}, null);
    else for (const piece of (content ?? '').match(/[\s\S]{1,8}/g) ?? []) send({content: piece}, null);
    send({}, finish, (body.stream_options as {include_usage?: boolean} | undefined)?.include_usage ? {usage} : {});
    res.end('data: [DONE]\n\n');
    return;
  }
  json(res, 200, {
    id, object: 'chat.completion', created: 0, model,
    choices: [{index: 0, message: {role: 'assistant', content, ...(toolCalls ? {tool_calls: toolCalls} : {})}, finish_reason: finish}],
    usage,
  });
}

function responses(body: Record<string, unknown>, res: http.ServerResponse): void {
  const format = (body.text as {format?: never} | undefined)?.format;
  const text = structured(format) ?? ANSWER;
  json(res, 200, {
    id: 'resp_standin', object: 'response', model: String(body.model ?? 'stand-in'), status: 'completed',
    output: [{type: 'message', role: 'assistant', content: [{type: 'output_text', text, annotations: []}]}],
    output_text: text,
    usage: {input_tokens: 12, output_tokens: 8, total_tokens: 20},
  });
}

function embeddings(body: Record<string, unknown>, res: http.ServerResponse): void {
  const input = body.input;
  const texts = Array.isArray(input) ? input.map(String) : [String(input ?? '')];
  json(res, 200, {object: 'list', model: String(body.model ?? 'stand-in'), data: texts.map((t, index) => ({object: 'embedding', index, embedding: embed(t)})), usage: {prompt_tokens: texts.length, total_tokens: texts.length}});
}

function json(res: http.ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, {'content-type': 'application/json'});
  res.end(JSON.stringify(value));
}

const error = (res: http.ServerResponse, status: number, message: string): void => json(res, status, {error: {message, type: 'invalid_request_error'}});

export async function startStandIn(): Promise<StandIn> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const route = (req.url ?? '/').split('?')[0].replace(/^\/v1(?=\/)/, '');
    requests.push(`${req.method} ${route}`);
    if (!/^Bearer \S+/.test(req.headers.authorization ?? '')) return error(res, 401, 'Missing bearer API key (set OPENAI_API_KEY).');
    if (req.method === 'GET' && route === '/models') return json(res, 200, {object: 'list', data: [{id: 'gpt-4.1-mini', object: 'model'}]});
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        return error(res, 400, 'The body is not valid JSON.');
      }
      if (req.method !== 'POST') return error(res, 405, `${req.method} is not supported here.`);
      if (route === '/chat/completions') return chat(body, res);
      if (route === '/responses') return responses(body, res);
      if (route === '/embeddings') return embeddings(body, res);
      return error(res, 404, `Unknown endpoint ${route}.`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
