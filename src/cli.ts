#!/usr/bin/env node
import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { createSmsClient, type SmsClientOptions } from './client.js';
import { SmsConnectionError, SmsServiceError, SmsTimeoutError, SmsValidationError } from './errors.js';
import { SMS_REGIONS, type SmsRegion } from '../generated/regions.js';

/** Exit codes, as documented in --help and the README. */
const EXIT = { unlocked: 0, refused: 1, usage: 2, unreachable: 3 } as const;

const HELP = `Usage: sms-unlock <task-id> [--region R | --endpoint URL] [--timeout MS] [--retries N] [--json]

Unlocks the target server of a Huawei Cloud SMS migration task (POST /v3/tasks/{task_id}/unlock).

Options:
  --region R       region: ${Object.keys(SMS_REGIONS).join(', ')}
  --endpoint URL   endpoint URL instead of a region (http: allowed, for local servers)
  --timeout MS     time allowed for each attempt (default 60000)
  --retries N      retries after the first attempt (default 2; 0 for none)
  --json           print one JSON object (the result or the error)
  --token-stdin    read an IAM token from standard input
  -h, --help       show this help

Credentials come from the environment, never from flags (flags land in shell history):
  SMS_AUTH_TOKEN                      an IAM token (X-Auth-Token), or
  CLOUD_SDK_AK and CLOUD_SDK_SK       access key and secret key (AK/SK signing), with optionally
  CLOUD_SDK_DOMAIN_ID                 the account id (looked up from IAM when absent) and
  CLOUD_SDK_SECURITY_TOKEN            the security token of temporary credentials.
  --token-stdin wins over SMS_AUTH_TOKEN, which wins over CLOUD_SDK_AK/SK.

Exit codes:
  0  unlocked
  1  the service refused (HTTP error), or an unexpected failure
  2  usage or validation error
  3  connection error or timeout

Examples:
  SMS_AUTH_TOKEN=... sms-unlock 7a9a9540-ff28-4869-b9e4-855fbe12xxxx --region cn-north-4
  CLOUD_SDK_AK=... CLOUD_SDK_SK=... sms-unlock 7a9a9540-ff28-4869-b9e4-855fbe12xxxx --region ap-southeast-3 --json
  vault read -field=token secret/sms | sms-unlock my-task --region ru-moscow-1 --token-stdin
`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  let json = argv.includes('--json');
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        region: { type: 'string' },
        endpoint: { type: 'string' },
        timeout: { type: 'string' },
        retries: { type: 'string' },
        json: { type: 'boolean' },
        'token-stdin': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    json = values.json ?? false;
    if (values.help) {
      process.stdout.write(HELP);
      return EXIT.unlocked;
    }
    if (positionals.length !== 1) throw new UsageError('give exactly one task id');
    if (values.region !== undefined && values.endpoint !== undefined) throw new UsageError('give --region or --endpoint, not both');
    const taskId = positionals[0]!;

    const options: SmsClientOptions = {
      ...(values.region !== undefined && { region: values.region as SmsRegion }),
      ...(values.endpoint !== undefined && { endpoint: values.endpoint }),
      ...(values.timeout !== undefined && { timeoutMs: wholeNumber('--timeout', values.timeout) }),
      ...(values.retries !== undefined && { retry: { attempts: wholeNumber('--retries', values.retries) + 1 } }),
      ...(await credentialsFromEnvironment(values['token-stdin'] ?? false)),
    };
    const controller = new AbortController();
    process.once('SIGINT', () => controller.abort(new Error('interrupted')));
    const result = await createSmsClient(options).unlockTargetEcs({ taskId }, { signal: controller.signal });
    print(json, { ok: true, taskId, ...result }, `Unlocked the target server of task ${taskId} (HTTP ${result.status}${result.requestId ? `, request ${result.requestId}` : ''})`);
    return EXIT.unlocked;
  } catch (error) {
    return report(json, error);
  }
}

function wholeNumber(flag: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} takes a whole number`);
  return Number(value);
}

async function credentialsFromEnvironment(tokenFromStdin: boolean): Promise<Pick<SmsClientOptions, 'token' | 'credentials'>> {
  const env = process.env;
  if (tokenFromStdin) return { token: (await text(process.stdin)).replace(/\r?\n$/, '') };
  if (env.SMS_AUTH_TOKEN) return { token: env.SMS_AUTH_TOKEN };
  if (env.CLOUD_SDK_AK || env.CLOUD_SDK_SK) {
    return {
      credentials: {
        accessKey: env.CLOUD_SDK_AK ?? '',
        secretKey: env.CLOUD_SDK_SK ?? '',
        ...(env.CLOUD_SDK_DOMAIN_ID && { domainId: env.CLOUD_SDK_DOMAIN_ID }),
        ...(env.CLOUD_SDK_SECURITY_TOKEN && { securityToken: env.CLOUD_SDK_SECURITY_TOKEN }),
      },
    };
  }
  throw new UsageError('no credentials: set SMS_AUTH_TOKEN, or CLOUD_SDK_AK and CLOUD_SDK_SK, or pipe a token with --token-stdin');
}

function print(json: boolean, value: object, line: string): void {
  process.stdout.write(json ? `${JSON.stringify(value)}\n` : `${line}\n`);
}

/** Prints an error (never a secret: errors carry none) and returns its exit code. */
function report(json: boolean, error: unknown): number {
  const code =
    error instanceof SmsServiceError
      ? EXIT.refused
      : error instanceof SmsConnectionError || error instanceof SmsTimeoutError
        ? EXIT.unreachable
        : error instanceof SmsValidationError || error instanceof UsageError || isParseArgsError(error)
          ? EXIT.usage
          : EXIT.refused;
  const message = error instanceof Error ? error.message : String(error);
  if (json) {
    const service = error instanceof SmsServiceError ? error : undefined;
    const fields = {
      name: error instanceof Error ? error.name : 'Error',
      message,
      ...(service && { status: service.status, errorCode: service.errorCode, errorMsg: service.errorMsg, requestId: service.requestId }),
    };
    process.stdout.write(`${JSON.stringify({ ok: false, error: fields })}\n`);
  } else {
    process.stderr.write(`sms-unlock: ${message}\n${code === EXIT.usage ? "Try 'sms-unlock --help'.\n" : ''}`);
  }
  return code;
}

function isParseArgsError(error: unknown): boolean {
  return error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
}

process.exitCode = await main(process.argv.slice(2));
